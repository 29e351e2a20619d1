using MathForML.LinearAlgebra;

namespace MathForML.Tests.LinearAlgebra;

public class SingularityTestStepsTests
{
    [Fact]
    public void TheCoursesSingularMatrixStopsAtRowThree()
    {
        var steps = SingularityTest.Steps(Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5]));
        // fixRowZero, fixRowOne, fixRowTwo divide; fixRowThree subtracts 5·row 2 and finds a33 = 0 with no row below.
        Assert.Equal([RowOperationKind.Divide, RowOperationKind.Divide, RowOperationKind.Divide, RowOperationKind.Subtract,
            RowOperationKind.Singular], steps.Select(s => s.Kind));
        Assert.Equal((3, 2, 5.0), (steps[3].Row, steps[3].OtherRow, steps[3].Factor));
        Assert.Equal(3, steps[^1].Row);
        Assert.Equal(Matrix.FromRows([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 0]), steps[^1].After);
    }

    [Fact]
    public void TheCoursesRegularMatrixAddsRowOneToRowZeroFirst()
    {
        var a = Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3]);
        var steps = SingularityTest.Steps(a);
        // fixRowZero: a00 = 0, so row 0 ← row 0 + row 1, then divide by 2.
        Assert.Equal(new RowOperation(RowOperationKind.AddRowBelow, 0, 1, 1, Matrix.FromRows([2, 15, -5, 7], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3])), steps[0]);
        Assert.Equal(RowOperationKind.Divide, steps[1].Kind);
        Assert.Equal(RowOperationKind.Divide, steps[^1].Kind);
        Assert.True(SingularityTest.TryRowEchelon(a, out var echelon));
        Assert.Equal(echelon, steps[^1].After);
    }

    [Fact]
    public void EndsSingularExactlyWhenTheCourseTestSaysSo()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = rng.Next(1, 6);
            var a = new Matrix(n, n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) a[i, j] = rng.Next(-1, 2);
            var steps = SingularityTest.Steps(a);
            bool singular = !SingularityTest.TryRowEchelon(a, out var echelon);
            Assert.Equal(singular, steps[^1].Kind == RowOperationKind.Singular);
            Assert.Equal(echelon, steps[^1].After);
        }
    }
}
