using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

public class GemmBlockingTests
{
    [Fact]
    public void CutsTheBlocksToTheCaches()
    {
        // 48 KB L1d and 2 MB L2 (Emerald Rapids), the 8×24 float64 kernel: A micro-panel 8·512·8 B = 32 KB, B block
        // 512·240·8 B = 960 KB ≤ 1 MB, A block 1024·512·8 B = 4 MB.
        // 512·128·8 B = 512 KB for the A block of a product with one B block.
        Assert.Equal(new GemmBlocking(1024, 512, 240, 128), GemmBlocking.For(new CpuCaches(48 * 1024, 2 * 1024 * 1024), 8, 24, 8));
        Assert.Equal(new GemmBlocking(1024, 1024, 240, 128), GemmBlocking.For(new CpuCaches(48 * 1024, 2 * 1024 * 1024), 8, 48, 4));
    }

    [Theory]
    [InlineData(4 * 1024, 4 * 1024, 4, 4, 8)]
    [InlineData(32 * 1024, 512 * 1024, 6, 8, 8)]
    [InlineData(48 * 1024, 1024 * 1024, 8, 24, 8)]
    [InlineData(64 * 1024, 64 * 1024 * 1024, 8, 48, 4)]
    public void BlocksAreWholePanelsWithinTheirCaches(int l1, int l2, int mr, int nr, int elementSize)
    {
        var blocks = GemmBlocking.For(new CpuCaches(l1, l2), mr, nr, elementSize);
        Assert.True(blocks.Kc >= 1);
        Assert.True(blocks.Mc >= mr && blocks.Mc % mr == 0);
        Assert.True(blocks.Nc >= nr && blocks.Nc % nr == 0);
        Assert.True(blocks.McNarrow >= mr && blocks.McNarrow % mr == 0 && blocks.McNarrow <= blocks.Mc);
        Assert.True(mr * blocks.Kc * elementSize <= l1 * 2 / 3, "the A micro-panel fits two thirds of L1");
        Assert.True(blocks.Nc == nr || (long)blocks.Kc * blocks.Nc * elementSize <= l2 / 2, "the B block fits half of L2");
    }
}
