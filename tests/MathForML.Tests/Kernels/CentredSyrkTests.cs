using MathForML.Kernels;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(CentredSyrk))]
public class CentredSyrkTests
{
    /// <summary>(features kept n, samples k, largest gap between kept columns): gaps under 8 and 16 take the permute path, wider ones the gather.</summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 0 }, { 1, 9, 3 }, { 5, 1, 2 }, { 23, 37, 0 }, { 49, 300, 5 }, { 100, 513, 12 }, { 97, 260, 30 }, { 200, 120, 1 },
    };

    /// <summary>
    /// The lower triangle equals SYRK on the explicitly centred and scaled Z, on every path, for β = 0 (C full of NaN) and
    /// β ≠ 0; columns left out and padding of X are NaN, so reading one would show.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesSyrkOfTheCentredColumns(int n, int k, int maxGap)
    {
        var random = new Random(n * 977 + k * 31 + maxGap);
        var columns = new int[n];
        for (int t = 0, col = random.Next(0, maxGap + 1); t < n; t++)
        {
            columns[t] = col;
            col += random.Next(4) == 0 ? 1 + random.Next(0, maxGap + 1) : 1;   // runs of consecutive columns with gaps between
        }

        int d = columns[^1] + 1 + random.Next(0, 3), ldx = d + 5;
        var x = new double[k * ldx];
        Array.Fill(x, double.NaN);
        var shift = new double[n];
        var factor = new double[n];
        for (int t = 0; t < n; t++)
        {
            shift[t] = (random.NextDouble() * 2) - 1;
            factor[t] = 0.5 + random.NextDouble();
            for (int p = 0; p < k; p++) x[(p * ldx) + columns[t]] = (random.NextDouble() * 4) - 2;
        }

        var z = new double[k * n];
        for (int p = 0; p < k; p++)
            for (int t = 0; t < n; t++) z[(p * n) + t] = (x[(p * ldx) + columns[t]] - shift[t]) * factor[t];
        double zMax = z.Max(Math.Abs);

        int ldc = n + 2;
        foreach (var (alpha, beta) in new[] { (1.0 / k, 0.0), (-0.5, 1.5), (0.0, 2.0) })
        {
            var c0 = KernelTestData.Random<double>(random, n, n, ldc);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    c0[(i * ldc) + j] = beta == 0 ? double.NaN : c0[(Math.Max(i, j) * ldc) + Math.Min(i, j)];
            var expected = (double[])c0.Clone();
            ReferenceKernels.Syrk(n, k, alpha, z, n, beta, expected, ldc);
            foreach (var path in KernelTestData.Paths)
            {
                var c = (double[])c0.Clone();
                CentredSyrk.ComputeLower(n, k, alpha, x, ldx, columns, shift, factor, beta, c, ldc, path);
                double tol = KernelTestData.Tolerance<double>() * (k + 2);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j <= i; j++)
                    {
                        double before = beta == 0 ? 0 : Math.Abs(c0[(i * ldc) + j]);
                        double bound = (tol * ((Math.Abs(alpha) * k * zMax * zMax) + (Math.Abs(beta) * before))) + 1e-300;
                        double e = expected[(i * ldc) + j], got = c[(i * ldc) + j];
                        Assert.True(Math.Abs(e - got) <= bound, $"{path}: C[{i},{j}] = {got}, reference {e}, |Δ| = {Math.Abs(e - got)} > {bound}");
                    }
            }
        }
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var x = new double[12];
        var c = new double[4];
        double[] ones = [1, 1];
        Assert.Throws<DimensionMismatchException>(() => CentredSyrk.ComputeLower(2, 4, 1.0, x, 3, [0], ones, ones, 0.0, c, 2, KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => CentredSyrk.ComputeLower(2, 4, 1.0, x, 3, [1, 1], ones, ones, 0.0, c, 2, KernelPath.Scalar));
        Assert.Throws<ArgumentException>(() => CentredSyrk.ComputeLower(2, 4, 1.0, x, 3, [0, 3], ones, ones, 0.0, c, 2, KernelPath.Scalar));
        Assert.Throws<DimensionMismatchException>(() => CentredSyrk.ComputeLower(2, 5, 1.0, x, 3, [0, 2], ones, ones, 0.0, c, 2, KernelPath.Scalar));
        Assert.Throws<DimensionMismatchException>(() => CentredSyrk.ComputeLower(2, 4, 1.0, x, 3, [0, 2], ones, ones, 0.0, c.AsSpan(1), 2, KernelPath.Scalar));
    }
}
