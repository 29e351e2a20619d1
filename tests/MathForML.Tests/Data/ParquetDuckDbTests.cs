using DuckDB.NET.Data;
using MathForML.Data;
using MathForML.LinearAlgebra;
using static MathForML.Tests.Data.FormatReference;

namespace MathForML.Tests.Data;

/// <summary>
/// Parquet files exchanged with DuckDB, an independent reader and writer (C++; through DuckDB.NET): what DuckDB writes
/// we read as DuckDB reads it, and what we write DuckDB reads, each value equal to the bit.
/// </summary>
public class ParquetDuckDbTests
{
    [Fact]
    public void WeReadWhatDuckDbWrites()
    {
        using var dir = new TempDirectory();
        var path = dir.File("duck.parquet");
        using var db = Open();
        Execute(db, $"""
            COPY (SELECT * FROM (VALUES
                (1.5::DOUBLE, 2::INTEGER, 0.5::FLOAT, 3::BIGINT, 4::UTINYINT),
                (-0.0::DOUBLE, -7::INTEGER, 1e-40::FLOAT, -9007199254740992::BIGINT, 255::UTINYINT),
                (4.9e-324::DOUBLE, 2147483647::INTEGER, 3.4028235e38::FLOAT, 0::BIGINT, 0::UTINYINT),
                (1.7976931348623157e308::DOUBLE, 0::INTEGER, -1.0::FLOAT, 1::BIGINT, 1::UTINYINT)
            ) t(d, i, f, l, u)) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 2)
            """);
        var table = ParquetFile.ReadTable(path);
        Assert.Equal(["d", "i", "f", "l", "u"], table.ColumnNames);
        BitEqual(Query(db, $"SELECT d, i::DOUBLE, f::DOUBLE, l::DOUBLE, u::DOUBLE FROM '{path}'", 5), table.Values);
        Assert.Equal(BitConverter.DoubleToUInt64Bits(-0.0), BitConverter.DoubleToUInt64Bits(table.Values[1, 0]));
        Assert.Equal(double.Epsilon, table.Values[2, 0]);
        Assert.Equal(1e-40f, table.Values[1, 2]);
    }

    [Fact]
    public void DuckDbReadsWhatWeWrite()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ours.parquet");
        var m = ArrowFileTests.Awkward();
        ParquetFile.Write(path, m, ["a", "b", "c"]);
        using var db = Open();
        BitEqual(m, Query(db, $"SELECT a, b, c FROM '{path}'", 3));
    }

    private static DuckDBConnection Open()
    {
        var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        Execute(db, "SET threads TO 1");   // one thread: rows come back in file order
        return db;
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Matrix Query(DuckDBConnection db, string sql, int columns)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<double[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, columns).Select(reader.GetDouble).ToArray());
        return Matrix.FromJagged([.. rows]);
    }
}
