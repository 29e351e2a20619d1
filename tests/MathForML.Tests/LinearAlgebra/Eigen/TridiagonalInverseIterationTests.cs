using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The largest eigenpairs of a tridiagonal T by dsterf + inverse iteration (dstein) on the matrices of
/// <see cref="TridiagonalValuesTests"/>: every eigenvalue as dsterf gives it on the whole T, each vector's residual
/// ‖Tz − λz‖ ≤ 20·n·ε·‖T‖, the vectors orthonormal to 1e-12, and zero outside the unreduced block they belong to.
/// </summary>
public class TridiagonalInverseIterationTests
{
    public static TheoryData<string, int, int> Cases => new()
    {
        { "random", 2, 1 }, { "random", 17, 4 }, { "random", 200, 50 }, { "random", 1000, 25 },
        { "wilkinson", 21, 5 }, { "wilkinson", 101, 25 }, { "glued", 105, 26 }, { "equal", 50, 12 }, { "split", 60, 15 },
        { "gradedUp", 80, 20 }, { "gradedDown", 80, 20 }, { "huge", 40, 10 }, { "tiny", 40, 10 }, { "negative", 64, 16 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LargestEigenpairsHaveSmallResidualsAndAreOrthonormal(string kind, int n, int k)
    {
        var (d, e) = TridiagonalValuesTests.Matrix(kind, n);
        var (dCopy, eCopy) = ((double[])d.Clone(), (double[])e.Clone());
        var values = new double[n];
        var z = new double[k * n];
        Assert.True(TridiagonalInverseIteration.Largest(d, e, n, k, values, z), $"{kind} {n}: inverse iteration failed");
        Assert.Equal(dCopy, d);
        Assert.Equal(eCopy, e);

        double norm = d.Select(Math.Abs).DefaultIfEmpty().Max() + (2 * e.Select(Math.Abs).DefaultIfEmpty().Max());
        // The values of the whole T by dsterf (tested against QL in TridiagonalValuesTests); Largest splits T first.
        var expected = (double[])d.Clone();
        TridiagonalValues.Compute(expected, (double[])e.Clone(), n);
        Array.Reverse(expected);
        for (int q = 0; q < n; q++)
            Assert.True(Math.Abs(values[q] - expected[q]) <= 20 * n * 1.1e-16 * norm + double.Epsilon, $"λ{q} = {values[q]:R}, dsterf {expected[q]:R}");
        for (int q = 0; q < k; q++)
        {
            var row = z.AsSpan(q * n, n);
            double residual = 0;
            for (int i = 0; i < n; i++)
            {
                double t = d[i] * row[i] - values[q] * row[i];
                if (i > 0) t += e[i - 1] * row[i - 1];
                if (i < n - 1) t += e[i] * row[i + 1];
                residual = Math.Max(residual, Math.Abs(t));
            }
            Assert.True(residual <= 20 * n * 1.1e-16 * norm + double.Epsilon, $"{kind}: residual of z{q} {residual:G3} (‖T‖ {norm:G3})");
            for (int p = 0; p <= q; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += row[i] * z[(p * n) + i];
                Assert.True(Math.Abs(dot - (p == q ? 1 : 0)) <= 1e-12, $"{kind}: z{p}·z{q} = {dot:G3}");
            }
        }
    }

    [Fact]
    public void ReportsFailureWhenTheBasisIsNotOrthonormalEnough()
    {
        var (d, e) = TridiagonalValuesTests.Matrix("random", 60);
        var z = new double[10 * 60];
        Assert.True(TridiagonalInverseIteration.Largest(d, e, 60, 10, new double[60], z));
        Assert.False(TridiagonalInverseIteration.Largest(d, e, 60, 10, new double[60], z, orthogonalityTolerance: -1));
    }

    [Fact]
    public void EachVectorIsZeroOutsideItsBlock()
    {
        var (d, e) = TridiagonalValuesTests.Matrix("split", 60);   // e_i = 0 for i ≡ 3 (mod 7)
        var blocks = TridiagonalInverseIteration.Blocks(d, e, 60);
        Assert.Equal(Enumerable.Range(0, 60 - 1).Count(i => e[i] == 0) + 1, blocks.Count);
        var z = new double[15 * 60];
        Assert.True(TridiagonalInverseIteration.Largest(d, e, 60, 15, new double[60], z));
        for (int q = 0; q < 15; q++)
        {
            var row = z.AsSpan(q * 60, 60).ToArray();
            Assert.Single(blocks, b => row.Skip(b.Start).Take(b.Size).Any(x => x != 0));
        }
    }

    [Fact]
    public void OneByOneAndDiagonalMatricesGiveUnitVectors()
    {
        var z = new double[1];
        var values = new double[1];
        Assert.True(TridiagonalInverseIteration.Largest([-4.0], [], 1, 1, values, z));
        Assert.Equal([-4.0], values);
        Assert.Equal([1.0], z);

        double[] d = [1, 5, 3];
        z = new double[2 * 3];
        values = new double[3];
        Assert.True(TridiagonalInverseIteration.Largest(d, [0.0, 0.0], 3, 2, values, z));
        Assert.Equal([5.0, 3.0, 1.0], values);
        Assert.Equal([0.0, 1, 0, 0, 0, 1], z);
    }
}
