using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The values-only divide and conquer (<see cref="TridiagonalDivideConquerValues"/>) against the root-free QL
/// (<see cref="TridiagonalValues"/>, dsterf), both backward stable, so equal to a small multiple of n·ε·‖T‖: random
/// matrices at sizes around the leaf (32), the two-thread block (256) and the crossover, clustered (Wilkinson, glued
/// Wilkinson: heavy deflation), repeated, split, graded and extreme-scale matrices; the known spectrum of the second
/// difference matrix; every kernel path of the merges.
/// </summary>
public class TridiagonalDivideConquerValuesTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "random", 2 }, { "random", 3 }, { "random", 32 }, { "random", 33 }, { "random", 64 }, { "random", 65 }, { "random", 191 },
        { "random", 192 }, { "random", 255 }, { "random", 256 }, { "random", 257 }, { "random", 700 },
        { "wilkinson", 21 }, { "wilkinson", 101 }, { "wilkinson", 301 }, { "glued", 105 }, { "glued", 420 }, { "equal", 50 }, { "equal", 300 },
        { "split", 60 }, { "split", 300 }, { "gradedUp", 80 }, { "gradedDown", 200 }, { "huge", 100 }, { "tiny", 100 },
        { "subnormalCoupling", 70 }, { "negative", 300 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualTheRootFreeQlValues(string kind, int n)
    {
        var (d, e) = TridiagonalValuesTests.Matrix(kind, n);
        double norm = Norm(d, e);
        var expected = (double[])d.Clone();
        TridiagonalValues.Compute(expected, PaddedCopy(e, n), n);
        foreach (var path in KernelPathSelection.Supported)
        {
            var actual = (double[])d.Clone();
            TridiagonalDivideConquerValues.Compute(actual, PaddedCopy(e, n), n, path);
            for (int i = 1; i < n; i++) Assert.True(actual[i - 1] <= actual[i], $"{path}: not ascending at {i}");
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 8 * n * 1.1e-16 * norm + double.Epsilon,
                    $"{kind} n = {n} {path}: λ{i} = {actual[i]:R}, dsterf {expected[i]:R}");
        }
    }

    [Theory]
    [InlineData(40)]
    [InlineData(500)]
    public void TheSecondDifferenceMatrixHasItsKnownSpectrum(int n)
    {
        // d = 2, e = −1: λ_k = 2 − 2·cos(kπ/(n + 1)), k = 1 … n, all distinct and evenly spread in (0, 4).
        var d = Enumerable.Repeat(2.0, n).ToArray();
        var e = Enumerable.Repeat(-1.0, n).ToArray();
        TridiagonalDivideConquerValues.Compute(d, e, n);
        for (int k = 1; k <= n; k++)
            Assert.True(Math.Abs(d[k - 1] - (2 - (2 * Math.Cos(k * Math.PI / (n + 1))))) <= 4 * n * 1.1e-16 * 4, $"λ{k} = {d[k - 1]:R}");
    }

    [Fact]
    public void OneByOneEmptyAndZeroAreLeftAsTheyAre()
    {
        var d = new[] { -4.5 };
        TridiagonalDivideConquerValues.Compute(d, [], 1);
        Assert.Equal(-4.5, d[0]);
        TridiagonalDivideConquerValues.Compute([], [], 0);
        var zeros = new double[300];
        TridiagonalDivideConquerValues.Compute(zeros, new double[300], 300);
        Assert.All(zeros, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void NonFiniteInputIsRejected()
    {
        var d = new double[200];
        var e = new double[200];
        e[57] = double.NaN;
        Assert.Throws<ArgumentException>(() => TridiagonalDivideConquerValues.Compute(d, e, 200));
    }

    private static double[] PaddedCopy(double[] e, int n)
    {
        var copy = new double[Math.Max(n, 1)];
        e.CopyTo(copy, 0);
        return copy;
    }

    private static double Norm(double[] d, double[] e) => d.Select(Math.Abs).DefaultIfEmpty().Max() + (2 * e.Select(Math.Abs).DefaultIfEmpty().Max());
}
