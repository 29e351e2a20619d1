using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The dqds singular values of a bidiagonal (<see cref="DifferentialQd"/>, dlasq1) against the eigenvalues ±σ of the
/// Golub–Kahan form by the root-free QL (<see cref="BidiagonalSvd.ValuesByGolubKahan"/>: absolute accuracy, so to a small
/// multiple of ε·σ_max), against exact values (the all-ones bidiagonal: σ_k = 2cos(kπ/(2n + 1))), and for the high
/// relative accuracy dqds promises: ∏σ_i = ∏|d_i| (|det B|) to a few ulps per factor even when the values span
/// 10⁻¹⁵⁰ to 1, and a value 10⁻²⁰ below σ_max to full precision.
/// </summary>
public class DifferentialQdTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "random", 1 }, { "random", 2 }, { "random", 3 }, { "random", 4 }, { "random", 17 }, { "random", 200 }, { "random", 784 },
        { "ones", 50 }, { "zeroDiagonal", 31 }, { "zeroCoupling", 40 }, { "gradedDown", 60 }, { "gradedUp", 60 },
        { "diagonal", 25 }, { "tinyCoupling", 30 }, { "huge", 20 }, { "tiny", 20 }, { "repeated", 64 }, { "rankOne", 12 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualTheGolubKahanValues(string kind, int n)
    {
        var (d, e) = Bidiagonal(kind, n);
        var expected = BidiagonalSvd.ValuesByGolubKahan(d, e, n);
        var actual = DifferentialQd.SingularValues(d, e, n, out int transforms);
        double sigmaMax = expected[0];
        Assert.Equal(n, actual.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.True(actual[i] >= 0, $"σ{i} = {actual[i]} < 0");
            if (i > 0) Assert.True(actual[i - 1] >= actual[i], $"not descending at {i}");
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 8 * n * 1.1e-16 * sigmaMax + double.Epsilon,
                $"{kind} n = {n}: σ{i} = {actual[i]:R}, Golub–Kahan {expected[i]:R}");
        }

        // Convergence: LAPACK allows 100 transforms a value; dqds here takes about 4 (small, graded) to 12 (random 784).
        Assert.True(transforms <= 16 * n, $"{transforms} transforms for {n} values");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(100)]
    public void TheAllOnesBidiagonalHasItsExactValues(int n)
    {
        var d = Enumerable.Repeat(1.0, n).ToArray();
        var e = Enumerable.Repeat(1.0, n - 1).ToArray();
        var sigma = DifferentialQd.SingularValues(d, e, n);
        for (int k = 1; k <= n; k++)
        {
            double exact = 2 * Math.Cos(k * Math.PI / ((2 * n) + 1));
            Assert.True(Math.Abs(sigma[k - 1] - exact) <= 4e-15 * n * exact, $"σ{k} = {sigma[k - 1]:R}, exact {exact:R}");
        }
    }

    [Theory]
    [InlineData("gradedDown", 60)]
    [InlineData("gradedUp", 60)]
    [InlineData("random", 200)]
    [InlineData("tinyCoupling", 30)]
    [InlineData("repeated", 64)]
    public void TheProductOfTheValuesIsTheDeterminantToHighRelativeAccuracy(string kind, int n)
    {
        // |det B| = ∏|d_i| = ∏σ_i. Each σ_i to a few ulps relative makes the log-sums agree to O(n·ε), however small
        // the values; an absolutely accurate method (error ε·σ_max) misses the small ones by many orders of magnitude.
        var (d, e) = Bidiagonal(kind, n);
        var sigma = DifferentialQd.SingularValues(d, e, n);
        double logDet = d.Sum(x => Math.Log(Math.Abs(x)));
        double logProduct = sigma.Sum(Math.Log);
        Assert.True(Math.Abs(logDet - logProduct) <= 20 * n * 1.1e-16, $"{kind}: log ∏σ = {logProduct:R}, log |det| = {logDet:R}");
    }

    [Fact]
    public void ASmallValueKeepsItsDigits()
    {
        // B = [[1, 1], [0, 1e-20]]: σ₁σ₂ = 1e-20 and σ₁² + σ₂² = 2 + 1e-40, so σ₁ = √2 and σ₂ = 1e-20/√2 to full precision.
        double[] d = [1, 1e-20], e = [1];
        var sigma = DifferentialQd.SingularValues(d, e, 2);
        Assert.Equal(Math.Sqrt(2), sigma[0], 1e-15);
        Assert.True(Math.Abs(sigma[1] - (1e-20 / Math.Sqrt(2))) <= 1e-15 * (1e-20 / Math.Sqrt(2)), $"σ₂ = {sigma[1]:R}");
    }

    [Fact]
    public void AllZerosGiveZerosAndNonFiniteEntriesAreRefused()
    {
        Assert.All(DifferentialQd.SingularValues(new double[5], new double[4], 5), s => Assert.Equal(0, s));
        Assert.Empty(DifferentialQd.SingularValues([], [], 0));
        Assert.Throws<ArgumentException>(() => DifferentialQd.SingularValues([1, double.NaN], [1], 2));
        Assert.Throws<ArgumentException>(() => DifferentialQd.SingularValues([1, 2], [double.PositiveInfinity], 2));
    }

    [Fact]
    public void TheSvdValuesPathUsesIt()
    {
        var (d, e) = Bidiagonal("random", 50);
        Assert.Equal(DifferentialQd.SingularValues(d, e, 50), BidiagonalSvd.Values(d, e, 50));
    }

    private static (double[] D, double[] E) Bidiagonal(string kind, int n)
    {
        var random = new Random((kind.Length * 7919) + n);
        var d = new double[n];
        var e = new double[Math.Max(n - 1, 0)];
        for (int i = 0; i < n; i++)
        {
            d[i] = kind switch
            {
                "ones" => 1,
                "zeroDiagonal" => i % 4 == 1 ? 0 : random.NextDouble() + 0.1,
                "gradedDown" => Math.Pow(10, -2.5 * i) * (1 + random.NextDouble()),
                "gradedUp" => Math.Pow(10, -2.5 * (n - 1 - i)) * (1 + random.NextDouble()),
                "huge" => 1e300 * (random.NextDouble() - 0.5),
                "tiny" => 1e-300 * (random.NextDouble() - 0.5),
                "repeated" => i % 2 == 0 ? 1 : -1,
                "rankOne" => i == 0 ? 3 : 0,
                _ => (2 * random.NextDouble()) - 1,
            };
        }

        for (int i = 0; i < n - 1; i++)
        {
            e[i] = kind switch
            {
                "ones" => 1,
                "zeroCoupling" => i % 7 == 3 ? 0 : (2 * random.NextDouble()) - 1,
                "gradedDown" => Math.Pow(10, -2.5 * i - 1) * random.NextDouble(),
                "gradedUp" => Math.Pow(10, -2.5 * (n - 2 - i) - 1) * random.NextDouble(),
                "diagonal" or "rankOne" => 0,
                "tinyCoupling" => 1e-18 * random.NextDouble(),
                "huge" => 1e300 * (random.NextDouble() - 0.5),
                "tiny" => 1e-300 * (random.NextDouble() - 0.5),
                "repeated" => 1e-3,
                _ => (2 * random.NextDouble()) - 1,
            };
        }

        return (d, e);
    }
}
