using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Tests.LinearAlgebra;

public class SingularityTestTests
{
    [Fact]
    public void CourseExamples()
    {
        // The assignment's own checks.
        Assert.True(SingularityTest.IsSingular(Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5])));
        Assert.False(SingularityTest.IsSingular(Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3])));
        Assert.True(SingularityTest.TryRowEchelon(Matrix.FromRows([1, 2], [3, 4]), out var echelon));
        Assert.Equal(Matrix.FromRows([1, 2], [0, 1]), echelon);
    }

    [Fact]
    public void AgreesWithLuOnRandomIntegerMatrices()
    {
        var rng = new Random(11);
        int singular = 0, agree = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            int n = rng.Next(1, 7);
            var a = new Matrix(n, n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) a[i, j] = rng.Next(-1, 2);
            bool course = SingularityTest.IsSingular(a);
            bool lu = LuDecomposition.Decompose(a).IsSingular;
            if (lu) singular++;
            // In exact arithmetic the procedure fails exactly for singular matrices. In floating point it compares with
            // exact zero, so a singular matrix whose elimination leaves a rounding residue (1e-17) can pass as regular;
            // the other way round cannot happen.
            if (!lu) Assert.False(course);
            if (course) Assert.True(lu);
            if (course == lu) agree++;
        }
        Assert.InRange(singular, 20, 280);   // both kinds were exercised
        Assert.True(agree >= 270, $"agreed on {agree} of 300");
    }

    [Fact]
    public void ZeroDiagonalIsFixedByAddingRowsBelow()
    {
        var a = Matrix.FromRows([0, 1, 0], [0, 0, 1], [1, 0, 0]);
        Assert.False(SingularityTest.IsSingular(a));
    }

    [Fact]
    public void RejectsNonSquare() => Assert.Throws<DimensionMismatchException>(() => SingularityTest.IsSingular(new Matrix(2, 3)));

    [Fact]
    public void RejectsNonFiniteEntries()
    {
        var e = Assert.Throws<NonFiniteValueException>(() => SingularityTest.IsSingular(Matrix.FromRows([1, 2], [double.NegativeInfinity, 4])));
        Assert.Equal((1, 0), (e.Row, e.Column));
    }
}
