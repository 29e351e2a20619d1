using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>The public name of the kernel path is the one the kernels take.</summary>
public class ActiveKernelPathTests
{
    [Fact]
    public void NamesThePathTheKernelsTake()
    {
        Assert.Equal(KernelPathSelection.Best.ToString(), ActiveKernelPath.Name);
        Assert.Contains(ActiveKernelPath.Name, new[] { "Vector512", "Vector256", "Scalar" });
    }
}
