using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Reads and writes matrices in the format the file's extension names (<see cref="MatrixFormat"/>): <c>.csv</c> and
/// <c>.txt</c>/<c>.tsv</c>/<c>.dat</c> text (<see cref="TextMatrixFile"/>), <c>.npy</c> (<see cref="NpyFile"/>) and
/// <c>.npz</c> (<see cref="NpzFile"/>), <c>.arrow</c>/<c>.feather</c> (<see cref="ArrowFile"/>) and <c>.parquet</c>
/// (<see cref="ParquetFile"/>): the numeric columns of a table, named c0, c1, … when written. An array of an <c>.npz</c> archive is named as <c>file.npz:name</c>; without a
/// name the archive must hold one array (reading) or the matrix is written as <see cref="NpzFile.DefaultMember"/>.
/// Reading a file of another extension takes it as text; writing one is an error naming the supported extensions, so
/// a typo never gives a text file under a binary name. Missing files and directories given as files are reported with the path.
/// </summary>
public static class MatrixFile
{
    private static readonly (string Extension, MatrixFormat Format)[] Extensions =
    [
        (".csv", MatrixFormat.Csv), (".txt", MatrixFormat.Text), (".tsv", MatrixFormat.Text), (".dat", MatrixFormat.Text),
        (".npy", MatrixFormat.Npy), (".npz", MatrixFormat.Npz),
        (".arrow", MatrixFormat.Arrow), (".feather", MatrixFormat.Arrow), (".parquet", MatrixFormat.Parquet),
    ];

    /// <summary>The extensions this class reads and writes, for messages.</summary>
    public static string SupportedExtensions { get; } = string.Join(", ", Extensions.Select(e => e.Extension));

    /// <summary>The format <paramref name="path"/>'s extension names (an <c>.npz</c> member suffix <c>:name</c> aside).</summary>
    /// <exception cref="DataFileException">An extension that names no supported format.</exception>
    public static MatrixFormat FormatOf(string path) =>
        TryFormatOf(SplitMember(path).File) ?? throw new DataFileException(path,
            $"unknown extension '{Path.GetExtension(path)}' for a matrix file: use one of {SupportedExtensions}");

    /// <summary>Reads a matrix from <paramref name="path"/> (or <c>file.npz:name</c>).</summary>
    public static Matrix Read(string path) => Read(path, TextMatrixReadOptions.Default);

    /// <summary>Reads a matrix from <paramref name="path"/>; text files as <paramref name="text"/> says.</summary>
    public static Matrix Read(string path, TextMatrixReadOptions text) => ReadStored(path, text).Values;

    /// <summary>Reads a matrix and whether the file stores it as unsigned bytes (uint8: images, by <see cref="DataSetFile"/>'s rule).</summary>
    internal static (Matrix Values, bool Bytes) ReadStored(string path, TextMatrixReadOptions text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        var (file, member) = SplitMember(path);
        if (Directory.Exists(file)) throw new DataFileException(file, "is a directory, expected a matrix file");
        if (!File.Exists(file)) throw new FileNotFoundException($"{file}: file not found.", file);
        if (member is null && TryFormatOf(file) is not (MatrixFormat.Npy or MatrixFormat.Npz or MatrixFormat.Arrow or MatrixFormat.Parquet))
            return (TextMatrixFile.Read(file, text, out _), false);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ReadStored(stream, file, member, text);
    }

    /// <summary>Reads a matrix from the seekable <paramref name="stream"/>, in the format the extension of <paramref name="name"/> names.</summary>
    internal static Matrix Read(Stream stream, string name) => ReadStored(stream, name).Values;

    /// <summary>Reads a matrix from the seekable <paramref name="stream"/> as <see cref="Read(Stream, string)"/> does, and whether it is stored as bytes.</summary>
    internal static (Matrix Values, bool Bytes) ReadStored(Stream stream, string name) => ReadStored(stream, name, null, TextMatrixReadOptions.Default);

    private static (Matrix Values, bool Bytes) ReadStored(Stream stream, string name, string? member, TextMatrixReadOptions text)
    {
        switch (member is null ? TryFormatOf(name) : MatrixFormat.Npz)
        {
            case MatrixFormat.Npy:
                {
                    var m = NpyFile.ReadMatrix(stream, name, out var type);
                    return (m, type == NpyDataType.UInt8);
                }
            case MatrixFormat.Npz:
                {
                    var m = NpzFile.ReadMatrix(stream, name, member, out var type);
                    return (m, type == NpyDataType.UInt8);
                }
            case MatrixFormat.Arrow:
                return (ArrowFile.ReadTable(stream, name).Values, false);
            case MatrixFormat.Parquet:
                return (ParquetFile.ReadTable(stream, name).Values, false);
            default:
                return (TextMatrixFile.Read(stream, name, text, out _), false);
        }
    }

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="path"/> atomically, in the format its extension names.</summary>
    /// <exception cref="DataFileException">The extension names no supported format (nothing is written).</exception>
    public static void Write(string path, Matrix matrix)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(matrix);
        var (file, member) = SplitMember(path);
        switch (FormatOf(path))
        {
            case MatrixFormat.Npy: NpyFile.Write(file, matrix); break;
            case MatrixFormat.Npz: NpzFile.Write(file, new Dictionary<string, Matrix> { [member ?? NpzFile.DefaultMember] = matrix }); break;
            case MatrixFormat.Arrow: ArrowFile.Write(file, matrix); break;
            case MatrixFormat.Parquet: ParquetFile.Write(file, matrix); break;
            case MatrixFormat.Csv: AtomicFile.WriteText(file, w => TextMatrixFile.Write(w, matrix, ',')); break;
            default: AtomicFile.WriteText(file, w => TextMatrixFile.Write(w, matrix, ' ')); break;
        }
    }

    /// <summary>
    /// Splits <c>file.npz:name</c> into the file and the array's name; any other path (also one that exists as it is)
    /// has no member.
    /// </summary>
    public static (string File, string? Member) SplitMember(string path)
    {
        int colon = path.LastIndexOf(':');
        if (colon > 0 && colon < path.Length - 1 && !File.Exists(path)
            && path.AsSpan(0, colon).EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
            return (path[..colon], path[(colon + 1)..]);
        return (path, null);
    }

    private static MatrixFormat? TryFormatOf(string path)
    {
        var extension = Path.GetExtension(path);
        foreach (var (e, format) in Extensions)
            if (extension.Equals(e, StringComparison.OrdinalIgnoreCase)) return format;
        return null;
    }
}
