namespace MathForML.Tests.Kernels;

/// <summary>
/// Marks a test class that forces every <c>KernelPath</c> the processor runs through the named kernel types (scalar,
/// Vector256 and, where accelerated, Vector512), so the narrower paths are tested on a wider machine too.
/// <see cref="KernelCoverageTests"/> fails for any kernel type no such class names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class KernelPathTestsAttribute(params Type[] kernels) : Attribute
{
    /// <summary>The kernel types whose every path the class tests.</summary>
    public IReadOnlyList<Type> Kernels { get; } = kernels;
}
