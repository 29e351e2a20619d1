using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Reads and writes matrices by file extension: <c>.npy</c> is NumPy's binary format (<see cref="NpyFile"/>);
/// anything else is text, comma- or whitespace-separated (<see cref="TextMatrixFile"/>).
/// Missing files and directories given as files are reported with the path.
/// </summary>
public static class MatrixFile
{
    /// <summary>Reads a matrix from <paramref name="path"/>.</summary>
    public static Matrix Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected a matrix file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        return IsNpy(path) ? NpyFile.ReadMatrix(path) : TextMatrixFile.Read(path);
    }

    /// <summary>Reads a matrix from the seekable <paramref name="stream"/>, in the format the extension of <paramref name="name"/> names.</summary>
    internal static Matrix Read(Stream stream, string name)
    {
        if (IsNpy(name)) return NpyFile.ReadMatrix(stream, name);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return TextMatrixFile.Read(reader, name, out _);
    }

    /// <summary>Writes <paramref name="matrix"/> to <paramref name="path"/> atomically, in the format its extension names.</summary>
    public static void Write(string path, Matrix matrix)
    {
        if (IsNpy(path)) NpyFile.Write(path, matrix);
        else TextMatrixFile.Write(path, matrix);
    }

    private static bool IsNpy(string path) => Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase);
}
