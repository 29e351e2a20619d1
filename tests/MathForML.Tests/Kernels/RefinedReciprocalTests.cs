using System.Runtime.Intrinsics;
using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>The division-free reciprocal (<see cref="RefinedReciprocal"/>): within one ulp of 1/x over the exponent range it promises, unusable (not finite) at zero.</summary>
public class RefinedReciprocalTests
{
    [Fact]
    public void IsWithinOneUlpOfTheQuotientFrom2ToTheMinus1000To2ToThe1000()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 2000; trial++)
        {
            var x = new double[8];
            for (int i = 0; i < 8; i++) x[i] = (random.Next(2) == 0 ? -1 : 1) * (1 + random.NextDouble()) * Math.ScaleB(1.0, random.Next(-1000, 1000));
            var y = RefinedReciprocal.Of(Vector512.Create(x));
            for (int i = 0; i < 8; i++)
            {
                double exact = 1 / x[i];
                Assert.True(Math.Abs(y[i] - exact) <= Math.ScaleB(Math.Abs(exact), -52), $"1/{x[i]:R}: {y[i]:R} against {exact:R}");
            }
        }
    }

    [Fact]
    public void ZeroGivesAResultTheCallersRedo()
    {
        var y = RefinedReciprocal.Of(Vector512.Create(0.0, 1, 2, 4, 8, 16, 32, 64));
        Assert.False(RefinedReciprocal.IsUsable(y[0]));
        Assert.Equal(0.5, y[2]);
        Assert.True(RefinedReciprocal.IsUsable(y[1]));
    }
}
