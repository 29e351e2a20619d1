using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary>
/// Inputs the fuzzer found (<c>Reference/fuzz-found/README.md</c>) on which Apache.Arrow or Parquet.Net hung or
/// allocated far more than the file holds: <see cref="ArrowFile"/> and <see cref="ParquetFile"/> now reject them with a
/// <see cref="DataFileException"/> before the library sees the bad length, allocating less than 1 MB.
/// </summary>
public class ColumnarFuzzFoundTests
{
    [Theory]
    [InlineData("arrow-message-length.arrow", "not a readable Arrow IPC file")]
    [InlineData("parquet-footer-loop.parquet", "not a readable Parquet file: the footer is not a well-formed Thrift structure")]
    [InlineData("parquet-page-size.parquet", "not a readable Parquet file")]
    public void RejectedQuicklyWithoutABigAllocation(string file, string expected)
    {
        var bytes = File.ReadAllBytes(ReferenceData.PathOf("fuzz-found", file));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFileException>(() =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            if (file.EndsWith(".arrow", StringComparison.Ordinal)) ArrowFile.ReadTable(stream, file);
            else ParquetFile.ReadTable(stream, file);
        });
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated 1 MB or more");
        Assert.Contains(expected, e.Message);
    }
}
