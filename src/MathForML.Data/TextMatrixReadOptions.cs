namespace MathForML.Data;

/// <summary>How <see cref="TextMatrixFile"/> reads a CSV or whitespace-separated file.</summary>
public sealed record TextMatrixReadOptions
{
    private readonly int? _indexColumn;

    /// <summary>The defaults: header detected, no index column, missing values are errors.</summary>
    public static TextMatrixReadOptions Default { get; } = new();

    /// <summary>
    /// Whether the first row (after comments and blank lines) holds column names: true, false, or null (the default) to
    /// detect it — a first row whose cells (the index column's aside) are all non-numeric is a header.
    /// </summary>
    public bool? Header { get; init; }

    /// <summary>
    /// The 0-based column that holds row labels (pandas' <c>index_col</c>, the first column of <c>DataFrame.to_csv</c>);
    /// it is left out of the matrix and may hold anything. Null (the default): every column is data.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int? IndexColumn
    {
        get => _indexColumn;
        init
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(IndexColumn), value, "The index column is a 0-based column number, at least 0.");
            _indexColumn = value;
        }
    }

    /// <summary>What a missing value does: an error (the default) or drop its row.</summary>
    public MissingValues Missing { get; init; } = MissingValues.Error;
}
