namespace MathForML.Data;

/// <summary>
/// What a text matrix reader does with a missing value: an empty cell, or one of the markers pandas reads as NaN
/// (<c>NA</c>, <c>N/A</c>, <c>NaN</c>, <c>nan</c>, <c>null</c>, <c>None</c>, <c>&lt;NA&gt;</c>, <c>#N/A</c>, …). pandas
/// writes NaN as an empty cell by default (<c>DataFrame.to_csv(na_rep="")</c>).
/// </summary>
public enum MissingValues
{
    /// <summary>A missing value is a <see cref="DataFileException"/> naming file, line and column.</summary>
    Error,

    /// <summary>A row with a missing value is left out (like pandas' <c>dropna()</c>).</summary>
    DropRow,
}
