using System.Numerics;
using System.Text.Json;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class EigenDecompositionTests
{
    private static JsonElement Case(string name) =>
        ReferenceData.Json("general-eigen", "reference.json").GetProperty("cases").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Cases =>
        ReferenceData.Json("general-eigen", "reference.json").GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void EigenvaluesMatchNumpy(string name)
    {
        var c = Case(name);
        var a = c.GetProperty("a").ToMatrix();
        var eig = EigenDecomposition.Decompose(a);
        var re = c.GetProperty("re").ToVector();
        var im = c.GetProperty("im").ToVector();
        // A defective eigenvalue of multiplicity m is only determined to ε^(1/m) (here m = 3).
        double tol = name.StartsWith("defective", StringComparison.Ordinal) ? 1e-4 : 1e-10 * Math.Max(1, a.FrobeniusNorm());
        // Each of numpy's eigenvalues is matched to the nearest unused one of ours (robust to ties in the ordering).
        var unused = eig.Eigenvalues.ToList();
        for (int j = 0; j < a.Rows; j++)
        {
            var expected = new Complex(re[j], im[j]);
            var nearest = unused.MinBy(x => Complex.Abs(x - expected));
            Assert.True(Complex.Abs(nearest - expected) <= tol, $"{j}: {nearest} vs {expected}");
            unused.Remove(nearest);
            Assert.True(Complex.Abs(eig.Eigenvalues[j] - expected) <= Math.Max(tol, 1e-9), $"order at {j}: {eig.Eigenvalues[j]} vs {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryPairHasSmallResidualAndConvention(string name)
    {
        var a = Case(name).GetProperty("a").ToMatrix();
        if (name.StartsWith("defective", StringComparison.Ordinal)) return;   // eigenvectors of a Jordan block are ill-posed
        var eig = EigenDecomposition.Decompose(a);
        double normA = a.FrobeniusNorm();
        for (int j = 0; j < a.Rows; j++)
        {
            var v = eig.Eigenvector(j);
            var lambda = eig.Eigenvalues[j];
            double residual = 0, norm = 0;
            for (int i = 0; i < a.Rows; i++)
            {
                Complex av = 0;
                for (int k = 0; k < a.Columns; k++) av += a[i, k] * v[k];
                residual += (av - lambda * v[i]).Magnitude * (av - lambda * v[i]).Magnitude;
                norm += v[i].Magnitude * v[i].Magnitude;
            }
            Assert.True(Math.Sqrt(residual) <= 1e-10 * normA, $"{name} pair {j}: residual {Math.Sqrt(residual)}");
            Assert.Equal(1, Math.Sqrt(norm), 12);
            // The first component whose magnitude equals the largest (to rounding) is real and positive.
            double max = v.Max(x => x.Magnitude);
            var largest = v.First(x => x.Magnitude >= max * (1 - 1e-12));
            Assert.True(largest.Real > 0 && Math.Abs(largest.Imaginary) < 1e-12);
            if (lambda.Imaginary == 0) Assert.All(v, x => Assert.Equal(0, x.Imaginary));
        }
        for (int j = 1; j < a.Rows; j++)
            Assert.True(eig.Eigenvalues[j - 1].Magnitude >= eig.Eigenvalues[j].Magnitude - 1e-12);
    }

    [Fact]
    public void ConjugatePairsComeTogetherPositiveImaginaryFirst()
    {
        var eig = EigenDecomposition.Decompose(Matrix.FromRows([0, -1], [1, 0]));
        Assert.Equal(new Complex(0, 1), eig.Eigenvalues[0]);
        Assert.Equal(new Complex(0, -1), eig.Eigenvalues[1]);
        Assert.False(eig.IsReal);
        Assert.Throws<InvalidOperationException>(() => eig.RealEigenvectors());
    }

    [Fact]
    public void RealEigenvectorsDiagonalise()
    {
        var a = Case("markov 3x3").GetProperty("a").ToMatrix();
        var eig = EigenDecomposition.Decompose(a);
        Assert.True(eig.IsReal);
        var v = eig.RealEigenvectors();
        var lambda = Matrix.Diagonal(eig.Eigenvalues.Select(x => x.Real).ToArray());
        Assert.True((a * v - v * lambda).MaxAbs() < 1e-13);
        Assert.Equal(1.0, eig.Eigenvalues[0].Real, 13);   // a stochastic matrix has eigenvalue 1
    }

    [Fact]
    public void BadInput()
    {
        Assert.Throws<DimensionMismatchException>(() => EigenDecomposition.Decompose(new Matrix(2, 3)));
        Assert.Throws<NonFiniteValueException>(() => EigenDecomposition.Decompose(Matrix.FromRows([double.NaN])));
        Assert.Empty(EigenDecomposition.Decompose(new Matrix(0, 0)).Eigenvalues);
    }

    [Fact]
    public void TheZeroMatrixHasFiniteEigenvectors()
    {
        // The perturbation of zero pivots in the back substitution must not underflow to 0 (0/0 would give NaN).
        var eig = EigenDecomposition.Decompose(new Matrix(3, 3));
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(0, eig.Eigenvalues[j].Magnitude);
            Assert.All(eig.Eigenvector(j), v => Assert.True(double.IsFinite(v.Real) && double.IsFinite(v.Imaginary)));
        }
    }
}
