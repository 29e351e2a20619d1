using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>
/// The bulge-chase reflector kernels on every path against the products written out densely (H = I − τ·v·vᵀ formed
/// as a matrix): both sides of a symmetric block (lower triangle only), the right and the left of a rectangular block,
/// inside a larger row-major matrix whose other entries must not move. Lengths 1–70 cross every register width and
/// tail; tolerance 1e-14 relative to the block's size (a few roundings of sums of up to 70 terms of magnitude ≤ 4).
/// </summary>
[KernelPathTests(typeof(BandReflectors))]
public class BandReflectorsTests
{
    private static readonly int[] Lengths = [1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64, 65, 70];

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void TwoSidedMatchesHBH(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int length in Lengths)
        {
            int ld = length + 5, origin = (2 * ld) + 3;
            var random = new Random(length);
            var a = Values(random, (length + 3) * ld);
            for (int i = 0; i < length; i++)
                for (int j = 0; j < i; j++) a[origin + (j * ld) + i] = a[origin + (i * ld) + j];   // the block symmetric
            var (v, tau) = Reflector(random, length);
            var h = Householder(v, tau);
            var block = Block(a, origin, ld, length, length);
            var expected = Multiply(Multiply(h, block, length, length, length), h, length, length, length);
            var before = (double[])a.Clone();
            BandReflectors.TwoSided(a, origin, ld, v, tau, new double[length], path);
            for (int i = 0; i < length; i++)
                for (int j = 0; j <= i; j++)
                    Assert.Equal(expected[(i * length) + j], a[origin + (i * ld) + j], 1e-14 * length);
            AssertOutsideUnchanged(before, a, origin, ld, length, length, lowerOnly: true);
        }
    }

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void FromRightMatchesCH(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int length in Lengths)
            foreach (int rows in new[] { 1, 5, length })
            {
                int ld = length + 3, origin = ld + 2;
                var random = new Random((length * 100) + rows);
                var a = Values(random, (rows + 2) * ld);
                var (v, tau) = Reflector(random, length);
                var expected = Multiply(Block(a, origin, ld, rows, length), Householder(v, tau), rows, length, length);
                var before = (double[])a.Clone();
                BandReflectors.FromRight(a, origin, ld, rows, v, tau, path);
                AssertBlock(expected, a, origin, ld, rows, length, 1e-14 * length);
                AssertOutsideUnchanged(before, a, origin, ld, rows, length, lowerOnly: false);
            }
    }

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void FromLeftMatchesHC(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int length in Lengths)
            foreach (int columns in new[] { 1, 8, 9, length })
            {
                int ld = columns + 4, origin = 3;
                var random = new Random((length * 100) + columns);
                var a = Values(random, (length + 1) * ld);
                var (v, tau) = Reflector(random, length);
                var expected = Multiply(Householder(v, tau), Block(a, origin, ld, length, columns), length, length, columns);
                var before = (double[])a.Clone();
                BandReflectors.FromLeft(a, origin, ld, columns, v, tau, new double[columns], path);
                AssertBlock(expected, a, origin, ld, length, columns, 1e-14 * length);
                AssertOutsideUnchanged(before, a, origin, ld, length, columns, lowerOnly: false);
            }
    }

    /// <summary>τ = 0 is H = I: nothing moves, whatever v holds (as LAPACK's dlarfx and dlarfy).</summary>
    [Fact]
    public void ZeroTauLeavesTheBlockAlone()
    {
        var a = Values(new Random(3), 100);
        var before = (double[])a.Clone();
        double[] v = [1, double.NaN, 2];
        BandReflectors.TwoSided(a, 0, 10, v, 0, new double[3], KernelPathSelection.Best);
        BandReflectors.FromRight(a, 0, 10, 4, v, 0, KernelPathSelection.Best);
        BandReflectors.FromLeft(a, 0, 10, 4, v, 0, new double[4], KernelPathSelection.Best);
        Assert.Equal(before, a);
    }

    [Fact]
    public void BlocksOutsideTheArrayOrShortScratchAreRefused()
    {
        var a = new double[50];
        double[] v = [1, 0.5, 0.25];
        Assert.Throws<ArgumentOutOfRangeException>(() => BandReflectors.FromRight(a, 48, 10, 1, v, 1, KernelPath.Scalar));
        Assert.Throws<ArgumentOutOfRangeException>(() => BandReflectors.FromLeft(a, 30, 10, 3, v, 1, new double[3], KernelPath.Scalar));
        Assert.Throws<ArgumentOutOfRangeException>(() => BandReflectors.TwoSided(a, 0, 2, v, 1, new double[3], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => BandReflectors.TwoSided(a, 0, 10, v, 1, new double[2], KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => BandReflectors.FromLeft(a, 0, 10, 3, v, 1, new double[2], KernelPath.Scalar));
    }

    private static double[] Values(Random random, int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = (2 * random.NextDouble()) - 1;
        return values;
    }

    /// <summary>A reflector as the bulge chase makes them: v[0] = 1, τ = 2/‖v‖² (H orthogonal).</summary>
    private static (double[] V, double Tau) Reflector(Random random, int length)
    {
        var v = Values(random, length);
        v[0] = 1;
        return (v, 2 / v.Sum(x => x * x));
    }

    private static double[] Householder(double[] v, double tau)
    {
        int n = v.Length;
        var h = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) h[(i * n) + j] = (i == j ? 1 : 0) - (tau * v[i] * v[j]);
        return h;
    }

    private static double[] Block(double[] a, int origin, int ld, int rows, int columns)
    {
        var block = new double[rows * columns];
        for (int i = 0; i < rows; i++) a.AsSpan(origin + (i * ld), columns).CopyTo(block.AsSpan(i * columns));
        return block;
    }

    private static double[] Multiply(double[] x, double[] y, int m, int k, int n)
    {
        var product = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int l = 0; l < k; l++) sum += x[(i * k) + l] * y[(l * n) + j];
                product[(i * n) + j] = sum;
            }

        return product;
    }

    private static void AssertBlock(double[] expected, double[] a, int origin, int ld, int rows, int columns, double tolerance)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) Assert.Equal(expected[(i * columns) + j], a[origin + (i * ld) + j], tolerance);
    }

    /// <summary>Every entry outside the block (outside its lower triangle when <paramref name="lowerOnly"/>) kept its bits.</summary>
    private static void AssertOutsideUnchanged(double[] before, double[] after, int origin, int ld, int rows, int columns, bool lowerOnly)
    {
        for (int index = 0; index < before.Length; index++)
        {
            int offset = index - origin, i = offset >= 0 ? offset / ld : -1, j = offset >= 0 ? offset % ld : -1;
            bool inside = i >= 0 && i < rows && j < columns && (!lowerOnly || j <= i);
            if (!inside) Assert.Equal(before[index], after[index]);
        }
    }
}
