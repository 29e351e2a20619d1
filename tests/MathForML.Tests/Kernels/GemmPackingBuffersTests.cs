using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

public class GemmPackingBuffersTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(192 * 1024)]
    [InlineData(256 * 1024)]
    [InlineData(983_040)]
    [InlineData(2 * 1024 * 1024)]
    [InlineData(4_194_304 + 8)]
    public void EveryStartLeavesRoomForTheBufferWithinTheAdvisedPages(long bytes)
    {
        var (alignment, padded) = GemmPackingBuffers<double>.Layout(bytes);
        Assert.Equal(bytes >= GemmPackingBuffers<double>.HugePageMinimum ? 2L << 20 : 64, alignment);
        for (long start = 0; start < 4L << 20; start += 8 * 997)
        {
            long aligned = (start + alignment - 1) / alignment * alignment;
            Assert.True(aligned + bytes <= start + padded, $"{bytes} bytes from {start}: the buffer overruns its array");
            if (alignment == 64) continue;
            long interiorEnd = (start + padded) / alignment * alignment;   // the advised range ends on a page boundary
            Assert.True(aligned + bytes <= interiorEnd, $"{bytes} bytes from {start}: the buffer leaves the advised pages");
        }
    }

    [Fact]
    public unsafe void BuffersAreAlignedAndWritable()
    {
        double* small = GemmPackingBuffers<double>.ForA(1000);
        Assert.Equal(0, (long)small % 64);
        new Span<double>(small, 1000).Fill(1);
        double* large = GemmPackingBuffers<double>.ForB(122_880);   // a 512×240 float64 B block
        Assert.Equal(0, (long)large % (2L << 20));
        new Span<double>(large, 122_880).Fill(2);
        Assert.Equal(2, large[122_879]);
    }
}
