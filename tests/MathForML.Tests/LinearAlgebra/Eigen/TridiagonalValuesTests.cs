using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The root-free QL/QR eigenvalues (<see cref="TridiagonalValues"/>, dsterf) against the implicit QL with square roots
/// (<see cref="TridiagonalQl"/>): both backward stable, so equal to a small multiple of ε·‖T‖; on random, clustered
/// (Wilkinson, glued Wilkinson), repeated, split, graded and extreme-scale matrices, and the 2×2 formula against exact values.
/// </summary>
public class TridiagonalValuesTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "random", 1 }, { "random", 2 }, { "random", 3 }, { "random", 17 }, { "random", 200 }, { "random", 1000 },
        { "wilkinson", 21 }, { "wilkinson", 101 }, { "glued", 105 }, { "equal", 50 }, { "split", 60 },
        { "gradedUp", 80 }, { "gradedDown", 80 }, { "huge", 40 }, { "tiny", 40 }, { "subnormalCoupling", 30 }, { "negative", 64 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualTheImplicitQlValues(string kind, int n)
    {
        var (d, e) = Matrix(kind, n);
        double norm = Norm(d, e);
        var expected = Ql(d, e, n);
        var actual = (double[])d.Clone();
        TridiagonalValues.Compute(actual, (double[])e.Clone(), n);
        for (int i = 1; i < n; i++) Assert.True(actual[i - 1] <= actual[i], $"not ascending at {i}");
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 20 * n * 1.1e-16 * norm + double.Epsilon,
                $"{kind} n = {n}: λ{i} = {actual[i]:R}, QL {expected[i]:R}");
        Assert.Equal(d.Sum(), actual.Sum(), 1e-12 * Math.Max(1, norm) * n);   // the trace is kept
    }

    [Fact]
    public void GradedMatricesKeepTheirSmallEigenvaluesToHighRelativeAccuracy()
    {
        // T = diag(1, 1e-8, 1e-16, …) with e_i = √(d_i·d_{i+1})/10: the small end converges by QR and keeps digits.
        int n = 12;
        var d = Enumerable.Range(0, n).Select(i => Math.Pow(1e-8, i)).ToArray();
        var e = Enumerable.Range(0, n - 1).Select(i => Math.Sqrt(d[i] * d[i + 1]) / 10).ToArray();
        var values = (double[])d.Clone();
        TridiagonalValues.Compute(values, (double[])e.Clone(), n);
        var expected = Ql(d, e, n);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-10 * Math.Abs(expected[i]), $"λ{i} = {values[i]:R}, QL {expected[i]:R}");
    }

    [Theory]
    [InlineData(2.0, 1.0, 2.0)]
    [InlineData(1e8, 1.0, 1e-8)]
    [InlineData(-3.0, 0.5, 7.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(1.0, 0.0, -1.0)]
    [InlineData(5.0, 1e-200, 5.0)]
    public void TheTwoByTwoFormulaGivesTheEigenvalues(double a, double b, double c)
    {
        var (first, second) = TridiagonalValues.TwoByTwo(a, b, c);
        // Exact: (a + c)/2 ± √(((a − c)/2)² + b²); the product is ac − b², the sum a + c.
        Assert.True(Math.Abs(first) >= Math.Abs(second));
        Assert.Equal(a + c, first + second, 1e-15 * Math.Max(1, Math.Abs(first)));
        double product = (a * c) - (b * b);
        Assert.True(Math.Abs(first * second - product) <= 1e-15 * Math.Max(Math.Abs(product), Math.Abs(first * second)) + 1e-300);
    }

    [Fact]
    public void OneByOneAndEmptyAreLeftAsTheyAre()
    {
        var d = new[] { 4.5 };
        TridiagonalValues.Compute(d, [], 1);
        Assert.Equal(4.5, d[0]);
        TridiagonalValues.Compute([], [], 0);
    }

    /// <summary>The reference: QL with square roots on T scaled by a power of two to max |t_ij| ≈ 1 (as SymmetricEigen feeds it), scaled back.</summary>
    private static double[] Ql(double[] d, double[] e, int n)
    {
        double max = Math.Max(d.Select(Math.Abs).DefaultIfEmpty().Max(), e.Select(Math.Abs).DefaultIfEmpty().Max());
        double scale = max == 0 ? 1 : Math.ScaleB(1.0, Math.ILogB(max));
        var values = d.Select(x => x / scale).ToArray();
        var off = new double[Math.Max(n, 1)];
        for (int i = 0; i < e.Length; i++) off[i] = e[i] / scale;
        TridiagonalQl.Diagonalize(values, off, n, null);
        Array.Sort(values);
        return values.Select(x => x * scale).ToArray();
    }

    /// <summary>‖T‖_∞ bound max|d| + 2·max|e| (no squares: they underflow at the 1e-300 scale).</summary>
    private static double Norm(double[] d, double[] e) => d.Select(Math.Abs).DefaultIfEmpty().Max() + (2 * e.Select(Math.Abs).DefaultIfEmpty().Max());

    internal static (double[] D, double[] E) Matrix(string kind, int n)
    {
        var random = new Random(n * 7919 + kind.Length);
        double[] d = new double[n], e = new double[Math.Max(n - 1, 0)];
        switch (kind)
        {
            case "random" or "huge" or "tiny" or "negative":
                for (int i = 0; i < n; i++) d[i] = random.NextDouble() * 2 - 1;
                for (int i = 0; i < n - 1; i++) e[i] = random.NextDouble() * 2 - 1;
                double factor = kind switch { "huge" => 1e300, "tiny" => 1e-300, _ => 1 };
                if (kind == "negative") for (int i = 0; i < n; i++) d[i] = -3 - Math.Abs(d[i]);
                for (int i = 0; i < n; i++) d[i] *= factor;
                for (int i = 0; i < n - 1; i++) e[i] *= factor;
                break;
            case "wilkinson":
                for (int i = 0; i < n; i++) d[i] = Math.Abs((n - 1) / 2 - i);
                Array.Fill(e, 1.0);
                break;
            case "glued":
                // Five W21⁺ blocks glued by off-diagonals of 1e-8: clusters of eigenvalues closer than 1e-14.
                for (int i = 0; i < n; i++) d[i] = Math.Abs(10 - (i % 21));
                for (int i = 0; i < n - 1; i++) e[i] = (i + 1) % 21 == 0 ? 1e-8 : 1;
                break;
            case "equal":
                Array.Fill(d, 2.5);
                break;
            case "split":
                for (int i = 0; i < n; i++) d[i] = random.NextDouble();
                for (int i = 0; i < n - 1; i++) e[i] = i % 7 == 3 ? 0 : random.NextDouble();
                break;
            case "gradedUp" or "gradedDown":
                for (int i = 0; i < n; i++) d[i] = Math.Pow(10, kind == "gradedUp" ? -8 + (16.0 * i / n) : 8 - (16.0 * i / n));
                for (int i = 0; i < n - 1; i++) e[i] = Math.Sqrt(d[i] * d[i + 1]) * 0.3;
                break;
            case "subnormalCoupling":
                for (int i = 0; i < n; i++) d[i] = i + 1;
                Array.Fill(e, 1e-310);
                break;
        }
        return (d, e);
    }
}
