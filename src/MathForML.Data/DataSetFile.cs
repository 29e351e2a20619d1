using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>
/// Reads data sets and labels from any of the supported files: MNIST IDX (optionally <c>.gz</c>), NumPy <c>.npy</c>,
/// or CSV/whitespace text. A data set is N×D (one sample a row; IDX images flattened, bytes divided by 255);
/// labels are N non-negative integers (an IDX label file, or a one-column or one-row matrix file).
/// </summary>
public static class DataSetFile
{
    /// <summary>Reads the samples in <paramref name="path"/> as an N×D matrix.</summary>
    public static Matrix ReadSamples(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path) && IdxFile.Looks(path)) return Mnist.ReadImages(path);
        return MatrixFile.Read(path);
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
        return MatrixFile.Read(stream, name);
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
    public static (Matrix Samples, int[] Labels) ReadLabelledRows(string path)
    {
        var m = MatrixFile.Read(path);
        if (m.Columns < 2) throw new DataFileException(path, $"expected feature columns and a last column of class labels, found {m.Columns} column(s)");
        if (m.Rows == 0) throw new DataFileException(path, "the data set is empty");
        int d = m.Columns - 1;
        var samples = new Matrix(m.Rows, d);
        var labels = new int[m.Rows];
        for (int r = 0; r < m.Rows; r++)
        {
            var row = m.RowSpan(r);
            row[..d].CopyTo(samples.RowSpan(r));
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
