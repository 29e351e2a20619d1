namespace MathForML.Data;

/// <summary>The matrix file formats, each named by its file extension (<see cref="MatrixFile.FormatOf"/>).</summary>
public enum MatrixFormat
{
    /// <summary><c>.csv</c>: comma-separated text (<see cref="TextMatrixFile"/>).</summary>
    Csv,

    /// <summary><c>.txt</c>, <c>.tsv</c>, <c>.dat</c>: whitespace-separated text (<see cref="TextMatrixFile"/>).</summary>
    Text,

    /// <summary><c>.npy</c>: one NumPy array (<see cref="NpyFile"/>).</summary>
    Npy,

    /// <summary><c>.npz</c>: a ZIP of NumPy arrays (<see cref="NpzFile"/>).</summary>
    Npz,

    /// <summary><c>.arrow</c>, <c>.feather</c>: an Apache Arrow IPC file, Feather version 2 (<see cref="ArrowFile"/>).</summary>
    Arrow,

    /// <summary><c>.parquet</c>: an Apache Parquet file (<see cref="ParquetFile"/>).</summary>
    Parquet,
}
