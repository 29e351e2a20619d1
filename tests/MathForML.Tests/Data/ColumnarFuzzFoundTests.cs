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
    [InlineData("parquet-statistics-list-hang.parquet", "not a readable Parquet file: the footer is not a well-formed Thrift structure")]
    [InlineData("arrow-vtable-past-metadata.arrow", "not a readable Arrow IPC file: a message at byte 128 declares more entries than its metadata holds")]
    [InlineData("arrow-vtable-past-metadata-2.arrow", "not a readable Arrow IPC file: a message at byte 176 declares more entries than its metadata holds")]
    [InlineData("parquet-snappy-length.parquet", "not a readable Parquet file: column 'c0' has a corrupt page at byte 4")]
    [InlineData("arrow-24mb-allocation.arrow", "not a readable Arrow IPC file: a message at byte 216 declares more entries than its metadata holds")]
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
