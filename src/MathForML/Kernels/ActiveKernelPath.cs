namespace MathForML.Kernels;

/// <summary>
/// The kernel family this process runs, as chosen once at start-up from what the processor accelerates:
/// <c>"Vector512"</c> (AVX-512), <c>"Vector256"</c> (AVX2 with FMA) or <c>"Scalar"</c>. For tools that keep anything
/// per kernel family (mml's JIT profiles) or report it; <c>DOTNET_EnableAVX512=0</c> changes it.
/// </summary>
public static class ActiveKernelPath
{
    /// <summary>The name of the path every kernel of this process takes.</summary>
    public static string Name => KernelPathSelection.Best.ToString();
}
