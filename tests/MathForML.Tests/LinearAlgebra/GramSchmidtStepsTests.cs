using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class GramSchmidtStepsTests
{
    /// <summary>The course's test matrices of the Gram–Schmidt assignment (gsBasis4(V), dimensions(A), (B), (C)).</summary>
    public static TheoryData<string, int> Course => new()
    {
        { "V", 4 }, { "A", 3 }, { "B", 3 }, { "C", 2 },
    };

    private static Matrix CourseMatrix(string name) => name switch
    {
        "V" => Matrix.FromRows([1, 0, 2, 6], [0, 1, 8, 2], [2, 8, 3, 1], [1, -6, 2, 3]),
        "A" => Matrix.FromRows([3, 2, 3], [2, 5, -1], [2, 4, 8], [12, 2, 1]),
        "B" => Matrix.FromRows([6, 2, 1, 7, 5], [2, 8, 5, -4, 1], [1, -6, 3, 2, 8]),
        _ => Matrix.FromRows([1, 0, 2], [0, 1, -3], [1, 0, 2]),
    };

    [Theory]
    [MemberData(nameof(Course))]
    public void TheLastStepIsTheCoursesBasisAndTheZeroStepsCountTheMissingDimensions(string name, int dimension)
    {
        var a = CourseMatrix(name);
        var steps = GramSchmidt.Steps(a);
        int n = a.Columns;
        Assert.Equal(n * (n + 1) / 2, steps.Count);
        var expected = GramSchmidt.Orthonormalize(a);
        Assert.Equal(dimension, expected.Dimension);
        Assert.Equal(expected.Basis, steps[^1].Basis);
        Assert.Equal(n - dimension, steps.Count(s => s.Kind == GramSchmidtStepKind.Zero));
    }

    [Fact]
    public void EachSubtractionRemovesTheProjectionOntoAnEarlierUnitVector()
    {
        var a = Matrix.FromRows([3, 1, -1], [1, 2, 2]);
        var steps = GramSchmidt.Steps(a);
        // b0 normalised; b1 − (b1·e0)e0, normalised; b2 − (b2·e0)e0 − (b2·e1)e1 = 0 in the plane.
        Assert.Equal([GramSchmidtStepKind.Normalise, GramSchmidtStepKind.Subtract, GramSchmidtStepKind.Normalise,
            GramSchmidtStepKind.Subtract, GramSchmidtStepKind.Subtract, GramSchmidtStepKind.Zero], steps.Select(s => s.Kind));
        var e0 = Vector.Of(3, 1) / Math.Sqrt(10);
        var second = steps[1];
        Assert.Equal((1, 0), (second.Column, second.Against));
        Assert.Equal(e0.Dot(Vector.Of(1, 2)), second.Coefficient, 15);
        Assert.True(second.Removed.ApproximatelyEquals(second.Coefficient * e0, 1e-15));
        Assert.True((second.Before - second.Removed).ApproximatelyEquals(second.After, 1e-15));
        Assert.Equal(0, second.After.Dot(e0), 14);
        Assert.Equal(a.Column(2), steps[3].Before);
        Assert.Equal(0, steps[^1].After.Norm());
    }

    [Fact]
    public void BadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GramSchmidt.Steps(Matrix.Identity(2), double.NaN));
        Assert.Throws<NonFiniteValueException>(() => GramSchmidt.Steps(Matrix.FromRows([1, double.NaN])));
    }
}
