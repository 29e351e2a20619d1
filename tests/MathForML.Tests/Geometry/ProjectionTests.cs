using CsCheck;
using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.Geometry;

public class ProjectionTests
{
    [Fact]
    public void OntoALine()
    {
        var b = Vector.Of(1, 2, 2);
        var x = Vector.Of(3, 0, 0);
        var p = Projection.OntoLineMatrix(b);
        var px = Projection.OntoLine(x, b);
        Assert.True(px.ApproximatelyEquals(Vector.Of(1.0 / 3, 2.0 / 3, 2.0 / 3), 1e-15));
        Assert.True((p * x).ApproximatelyEquals(px, 1e-15));
        Assert.True((p * p).ApproximatelyEquals(p, 1e-15));
        Assert.True(p.IsSymmetric(0));
        Assert.Equal(0, b.Dot(x - px), 14);
        Assert.Equal(1, p.Trace(), 14);
    }

    [Fact]
    public void OntoASubspaceLaws()
    {
        Gen.Int[2, 8].SelectMany(d => Gen.Int[1, d].SelectMany(m => Gen.Double[-3, 3].Array[d * m + d].Select(v => (d, m, v))))
            .Sample(t =>
            {
                var (d, m, v) = t;
                var b = new Matrix(d, m, v.AsSpan(0, d * m));
                var x = new Vector(v.AsSpan(d * m, d));
                var sigma = Svd.Decompose(b).SingularValues;
                if (sigma[m - 1] <= 1e-3 * sigma[0]) return;   // a random B with (nearly) dependent or zero columns is no good basis (all-zero B: 0 <= 0)
                var p = Projection.OntoSubspaceMatrix(b);

                Assert.True((p * p).ApproximatelyEquals(p, 1e-8));
                Assert.True(p.IsSymmetric(1e-8));
                var px = Projection.OntoSubspace(x, b);
                Assert.True((p * x).ApproximatelyEquals(px, 1e-8));
                var residual = b.Transpose() * (x - px);
                Assert.True(residual.NormInfinity() < 1e-8 * Math.Max(1, x.Norm() * b.MaxAbs()));
                Assert.Equal(m, p.Trace(), 8);
            }, iter: 200);
    }

    [Fact]
    public void RowsOntoSubspaceMatchesOneAtATime()
    {
        var b = Matrix.FromRows([1, 0], [1, 1], [0, 2], [1, -1]);
        var x = Matrix.FromRows([1, 2, 3, 4], [0, -1, 5, 2], [2, 2, 2, 2]);
        var all = Projection.RowsOntoSubspace(x, b);
        for (int i = 0; i < x.Rows; i++) Assert.True(all.Row(i).ApproximatelyEquals(Projection.OntoSubspace(x.Row(i), b), 1e-12));
        var lambda = Projection.Coordinates(x.Row(0), b);
        Assert.True((b * lambda).ApproximatelyEquals(all.Row(0), 1e-12));
    }

    [Fact]
    public void ReconstructionErrorSumsTheSquaredDistancesToTheSubspace()
    {
        // Onto the x-axis the squared distances are the squared y's: 4 + 1 + 9.
        var x = Matrix.FromRows([1, 2], [3, -1], [0, 3]);
        Assert.Equal(14, Projection.SquaredReconstructionError(x, Matrix.FromRows([5], [0])), 12);
        // The PCA course's plane B = [[1, 0], [1, 1], [1, 2]]: (6, 0, 0) projects to (5, 2, −1), 1 + 4 + 1 = 6 away.
        Assert.Equal(6, Projection.SquaredReconstructionError(Matrix.FromRows([6, 0, 0]), Matrix.FromRows([1, 0], [1, 1], [1, 2])), 12);
        Assert.Throws<SingularMatrixException>(() => Projection.SquaredReconstructionError(x, Matrix.FromRows([0], [0])));
    }

    [Fact]
    public void RejectsZeroAndDependentBases()
    {
        Assert.Throws<ArgumentException>(() => Projection.OntoLineMatrix(Vector.Of(0, 0)));
        Assert.Throws<SingularMatrixException>(() => Projection.OntoSubspaceMatrix(Matrix.FromRows([1, 2], [2, 4], [3, 6])));
        Assert.Throws<DimensionMismatchException>(() => Projection.OntoSubspace(Vector.Of(1, 2), Matrix.Identity(3)));
    }

    [Fact]
    public void RejectsANonFiniteBasis()
    {
        var b = Matrix.FromRows([1, 0], [0, double.NaN], [0, 0]);
        var e = Assert.Throws<NonFiniteValueException>(() => Projection.OntoSubspaceMatrix(b));
        Assert.Equal(("b", 1, 1), (e.ParamName, e.Row, e.Column));
        Assert.Throws<NonFiniteValueException>(() => Projection.Coordinates(Vector.Of(1, 2, 3), b));
    }
}
