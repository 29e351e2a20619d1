using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class LuDecompositionTests
{
    public static IEnumerable<object[]> SquareCases =>
        ReferenceData.LinalgCases().Where(c => ReferenceData.LinalgCase((string)c[0]).TryGetProperty("det", out _));

    [Theory]
    [MemberData(nameof(SquareCases))]
    public void DeterminantMatchesNumpy(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        var a = c.GetProperty("a").ToMatrix();
        double expected = c.GetProperty("det").GetDouble();
        double scale = Math.Pow(a.MaxAbs(), a.Rows);
        Assert.Equal(expected, LuDecomposition.Decompose(a).Determinant, 1e-12 * Math.Max(1, scale) + 1e-14 * Math.Abs(expected));
    }

    [Theory]
    [MemberData(nameof(SquareCases))]
    public void InverseAndSolveMatchNumpy(string name)
    {
        var c = ReferenceData.LinalgCase(name);
        if (!c.TryGetProperty("inverse", out var inv)) return;
        var a = c.GetProperty("a").ToMatrix();
        var lu = LuDecomposition.Decompose(a);
        double cond = c.GetProperty("cond1").GetDouble();
        // Forward error bound: relative error ≲ κ(A)·ε, with a factor for the dimension.
        double tol = 50 * a.Rows * cond * MachineEpsilon.Double;
        var expectedInverse = inv.ToMatrix();
        Assert.True((lu.Inverse() - expectedInverse).MaxAbs() <= tol * expectedInverse.MaxAbs());
        var x = lu.Solve(c.GetProperty("b").ToVector());
        var expectedX = c.GetProperty("x").ToVector();
        Assert.True((x - expectedX).NormInfinity() <= tol * expectedX.NormInfinity());
        // The condition estimate is a lower bound on κ₁, usually within a factor 3.
        Assert.InRange(lu.ConditionNumber, cond / 3, cond * 1.0000001);
    }

    [Theory]
    [MemberData(nameof(SquareCases))]
    public void FactorsReproduceThePermutedMatrix(string name)
    {
        var a = ReferenceData.LinalgCase(name).GetProperty("a").ToMatrix();
        var lu = LuDecomposition.Decompose(a);
        if (lu.IsSingular) return;
        Assert.True((lu.P * a - lu.L * lu.U).MaxAbs() <= 1e-13 * a.MaxAbs() * a.Rows);
    }

    [Fact]
    public void InverseTimesMatrixIsIdentity()
    {
        var a = MatrixTests.Random(new Random(5), 60, 60);
        var inverse = LuDecomposition.Decompose(a).Inverse();
        Assert.True((a * inverse - Matrix.Identity(60)).MaxAbs() < 1e-11);
        Assert.True((inverse * a - Matrix.Identity(60)).MaxAbs() < 1e-11);
    }

    [Fact]
    public void SingularMatrixNamesThePivot()
    {
        var a = ReferenceData.LinalgCase("integer 4x4 singular").GetProperty("a").ToMatrix();
        var lu = LuDecomposition.Decompose(a);
        Assert.True(lu.IsSingular);
        Assert.Equal(0.0, lu.Determinant);
        var e = Assert.Throws<SingularMatrixException>(() => lu.Solve(Vector.Of(1, 2, 3, 4)));
        Assert.Equal(3, e.PivotIndex);
        Assert.Contains("column 3", e.Message);
        Assert.Throws<SingularMatrixException>(() => lu.Inverse());
        Assert.Equal(double.PositiveInfinity, lu.ConditionNumber);
    }

    [Fact]
    public void HilbertIsFlaggedIllConditionedButSolvable()
    {
        var lu = LuDecomposition.Decompose(ReferenceData.LinalgCase("hilbert 8x8").GetProperty("a").ToMatrix());
        Assert.False(lu.IsSingular);
        Assert.True(lu.ConditionNumber > 1e10);
        Assert.False(lu.IsNearlySingular);
        var nearly = Matrix.FromRows([1, 1], [1, 1 + 1e-15]);
        Assert.True(LuDecomposition.Decompose(nearly).IsNearlySingular);
    }

    [Fact]
    public void ShapeErrors()
    {
        Assert.Throws<DimensionMismatchException>(() => LuDecomposition.Decompose(new Matrix(2, 3)));
        var lu = LuDecomposition.Decompose(Matrix.Identity(3));
        Assert.Throws<DimensionMismatchException>(() => lu.Solve(Vector.Of(1, 2)));
        Assert.Throws<DimensionMismatchException>(() => lu.Solve(new Matrix(2, 2)));
        Assert.Throws<NonFiniteValueException>(() => LuDecomposition.Decompose(Matrix.FromRows([double.NaN])));
    }

    [Fact]
    public void SolveManyRightHandSidesAtOnce()
    {
        var rng = new Random(9);
        var a = MatrixTests.Random(rng, 30, 30);
        var b = MatrixTests.Random(rng, 30, 4);
        var x = LuDecomposition.Decompose(a).Solve(b);
        Assert.True((a * x - b).MaxAbs() < 1e-12);
    }
}
