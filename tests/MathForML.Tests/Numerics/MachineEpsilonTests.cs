using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

public class MachineEpsilonTests
{
    [Fact]
    public void IsTheGapAfterOne()
    {
        Assert.Equal(MachineEpsilon.Double, Math.BitIncrement(1.0) - 1.0);
        Assert.Equal(MachineEpsilon.Double, Math.ScaleB(1.0, -52));
        Assert.Equal(MachineEpsilon.Single, MathF.BitIncrement(1f) - 1f);
        Assert.Equal(MachineEpsilon.Single, MathF.ScaleB(1f, -23));
        Assert.NotEqual(double.Epsilon, MachineEpsilon.Double);
    }

    [Fact]
    public void HalfOfItIsLostWhenAddedToOne()
    {
        Assert.Equal(1.0, 1.0 + MachineEpsilon.Double / 2);
        Assert.NotEqual(1.0, 1.0 + MachineEpsilon.Double);
        Assert.Equal(1f, 1f + MachineEpsilon.Single / 2);
    }
}
