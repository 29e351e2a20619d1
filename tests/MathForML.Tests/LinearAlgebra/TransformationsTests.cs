using CsCheck;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class TransformationsTests
{
    [Fact]
    public void CourseReflectionThroughTheDiagonalSwapsCoordinates()
    {
        var t = Transformations.Reflection(Matrix.FromRows([1, -1], [1, 1]));
        Assert.True(t.ApproximatelyEquals(Matrix.FromRows([0, 1], [1, 0]), 1e-15));
    }

    [Fact]
    public void PropertyReflectionsAreSymmetricInvolutions()
    {
        Gen.Int[2, 6].SelectMany(n => Gen.Double[-5, 5].Array[n * n].Select(d => new Matrix(n, n, d)))
            .Where(b => !LuDecomposition.Decompose(b).IsNearlySingular && LuDecomposition.Decompose(b).ConditionNumber < 1e6)
            .Sample(b =>
            {
                var t = Transformations.Reflection(b);
                int n = b.Rows;
                var mirrorVector = b.Column(0);
                return (t * t - Matrix.Identity(n)).MaxAbs() < 1e-12
                    && t.IsSymmetric(1e-12)
                    && (t * mirrorVector - mirrorVector).NormInfinity() < 1e-10 * Math.Max(1, mirrorVector.NormInfinity());
            }, iter: 200);
    }

    [Fact]
    public void ReflectionFlipsTheNormal()
    {
        var basis = Matrix.FromRows([1, 0, 0], [0, 1, 0], [0, 0, 1]);
        var t = Transformations.Reflection(basis);
        Assert.Equal(Vector.Of(1, 2, -3), t * Vector.Of(1, 2, 3));
    }

    [Fact]
    public void ChangeOfBasisRoundTrips()
    {
        var b = Matrix.FromRows([3, 1], [1, 1]);
        var v = Vector.Of(5, -1);
        var c = Transformations.ToBasis(b, v);
        Assert.True(Transformations.FromBasis(b, c).ApproximatelyEquals(v, 1e-14));
        Assert.True(c.ApproximatelyEquals(Vector.Of(3, -4), 1e-14));
    }

    [Fact]
    public void RotationsPreserveLengthsAndCompose()
    {
        var r = Transformations.Rotation2D(Math.PI / 2);
        Assert.True((r * Vector.Of(1, 0)).ApproximatelyEquals(Vector.Of(0, 1), 1e-15));
        var g = Transformations.Rotation(4, 1, 3, 0.3);
        Assert.True((g.TransposeTimes(g) - Matrix.Identity(4)).MaxAbs() < 1e-15);
        Assert.True((Transformations.Rotation2D(0.2) * Transformations.Rotation2D(0.5) - Transformations.Rotation2D(0.7)).MaxAbs() < 1e-15);
    }

    [Fact]
    public void BadInput()
    {
        Assert.Throws<ArgumentException>(() => Transformations.Reflection(Matrix.FromRows([1, 2], [2, 4])));
        Assert.Throws<DimensionMismatchException>(() => Transformations.Reflection(new Matrix(2, 3)));
        Assert.Throws<SingularMatrixException>(() => Transformations.ToBasis(Matrix.FromRows([1, 2], [2, 4]), Vector.Of(1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Transformations.Rotation(3, 1, 1, 0));
    }

    [Fact]
    public void ApplyNeedsOnePointPerColumnOfTheRightHeight()
    {
        var t = Transformations.Reflection(Matrix.FromRows([1, 0], [0, 1]));
        var e = Assert.Throws<DimensionMismatchException>(() => Transformations.Apply(t, Matrix.FromRows([1], [2], [3])));
        Assert.Equal("points", e.ParamName);
        Assert.StartsWith("Points must have 2 rows (one point per column); found 3×1.", e.Message, StringComparison.Ordinal);
        Assert.Equal(Matrix.FromRows([1], [-2]).ToArray(), Transformations.Apply(t, Matrix.FromRows([1], [2])).ToArray());
    }
}
