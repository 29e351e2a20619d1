using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(GivensRotation))]
public class GivensRotationTests
{
    /// <summary>Every path against a ← c·a − s·b, b ← s·a + c·b: the scalar path to the bit, the fused vector paths within 2 ulps of 1.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void RotateMatchesTheDefinition(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int n in KernelTestData.Lengths)
        {
            var random = new Random(n);
            var (upper, lower) = (KernelTestData.Uniform(random, n), KernelTestData.Uniform(random, n + 3));
            double theta = random.NextDouble() * 6, c = Math.Cos(theta), s = Math.Sin(theta);
            var (a, b) = ((double[])upper.Clone(), (double[])lower.Clone());
            GivensRotation.Rotate<double>(upper, lower, c, s, path);
            double tolerance = path == KernelPath.Scalar ? 0 : 4 * Math.ScaleB(1, -52);
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(c * a[j] - s * b[j], upper[j], tolerance);
                Assert.Equal(s * a[j] + c * b[j], lower[j], tolerance);
            }

            for (int j = n; j < n + 3; j++) Assert.Equal(b[j], lower[j]);   // past the upper row's length: untouched
        }
    }

    /// <summary>The sweep (512-bit path only) gives the bits of rotating the row pairs one by one on that path.</summary>
    [Fact]
    public void SweepEqualsRotationsOneByOne()
    {
        Assert.Equal(KernelPathSelection.Supported.Contains(KernelPath.Vector512), GivensRotation.CanSweep(KernelPathSelection.Best));
        Assert.False(GivensRotation.CanSweep(KernelPath.Vector256));
        Assert.False(GivensRotation.CanSweep(KernelPath.Scalar));
        if (!GivensRotation.CanSweep(KernelPathSelection.Best)) return;
        int rows = 7, columns = GivensRotation.SweepWidth + 9, offset = 5;
        var random = new Random(3);
        var x = KernelTestData.Uniform(random, rows * columns);
        int[] index = [9, 5, 4, 3, 2, 1, 0];   // rotation 0 is outside the sweep
        var cs = KernelTestData.Uniform(random, 2 * index.Length);
        var expected = (double[])x.Clone();
        for (int t = 1; t < index.Length; t++)
        {
            var upper = expected.AsSpan((index[t] * columns) + offset, GivensRotation.SweepWidth);
            var lower = expected.AsSpan(((index[t] + 1) * columns) + offset, GivensRotation.SweepWidth);
            GivensRotation.Rotate(upper, lower, cs[2 * t], cs[(2 * t) + 1], KernelPath.Vector512);
        }

        GivensRotation.Sweep(ref x[offset], columns, index, cs, 1, index.Length);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void AShorterLowerRowIsRejected() =>
        Assert.Throws<ArgumentException>(() => GivensRotation.Rotate<double>(new double[4], new double[3], 1, 0, KernelPath.Scalar));
}
