using System.Reflection;
using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>
/// Every kernel has a test that forces each of its paths. A kernel is a type of the <c>MathForML.Kernels</c> namespace
/// with a method (of any visibility, on it or on a type nested in it; lambdas and other compiler-generated code aside)
/// that takes a <see cref="KernelPath"/>: that is how a kernel lets a caller choose its path. A kernel counts as tested when a test class carries
/// <see cref="KernelPathTestsAttribute"/> naming it.
/// </summary>
public class KernelCoverageTests
{
    private static readonly Assembly Library = typeof(KernelPath).Assembly;

    /// <summary>The kernel types, by the criterion above.</summary>
    internal static IReadOnlyList<Type> Kernels() =>
        [.. Library.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Any(m => !m.IsDefined(typeof(CompilerGeneratedAttribute)) && !m.Name.StartsWith('<')
                    && m.GetParameters().Any(p => p.ParameterType == typeof(KernelPath))))
            .Select(Outermost)
            .Where(t => t.Namespace == "MathForML.Kernels")
            .Distinct()
            .OrderBy(t => t.Name)];

    /// <summary>The kernels that none of <paramref name="testClasses"/> names in a <see cref="KernelPathTestsAttribute"/>.</summary>
    internal static IReadOnlyList<Type> Untested(IEnumerable<Type> testClasses)
    {
        var tested = testClasses.SelectMany(Named).ToHashSet();
        return [.. Kernels().Where(k => !tested.Contains(k))];
    }

    private static IEnumerable<Type> Named(Type testClass) =>
        testClass.GetCustomAttribute<KernelPathTestsAttribute>()?.Kernels ?? [];

    private static Type Outermost(Type type)
    {
        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return generic.DeclaringType is null ? generic : Outermost(generic.DeclaringType);
    }

    private static Type[] TestClasses => typeof(KernelCoverageTests).Assembly.GetTypes();

    [Fact]
    public void EveryKernelHasAPathTest()
    {
        var untested = Untested(TestClasses);
        Assert.True(untested.Count == 0,
            $"Kernels without a [KernelPathTests] class forcing each KernelPath: {string.Join(", ", untested.Select(t => t.Name))}");
    }

    [Fact]
    public void EveryNamedTypeIsAKernel()
    {
        var kernels = Kernels().ToHashSet();
        var stale = TestClasses.SelectMany(c => Named(c).Where(k => !kernels.Contains(k)).Select(k => $"{c.Name} names {k.Name}")).ToList();
        Assert.True(stale.Count == 0, $"[KernelPathTests] naming types that take no KernelPath: {string.Join("; ", stale)}");
    }

    /// <summary>The criterion finds the level-1 kernels and the GEMM family, and not the helpers around them.</summary>
    [Fact]
    public void FindsTheKernels()
    {
        var kernels = Kernels();
        foreach (var expected in new[] { typeof(Gemm), typeof(Syrk), typeof(TridiagonalRowUpdate), typeof(GivensRotation), typeof(PoleSums),
            typeof(RangeAccumulation), typeof(SquaredDistance), typeof(TileMerge) })
            Assert.Contains(expected, kernels);
        Assert.DoesNotContain(typeof(KernelPathSelection), kernels);
        Assert.DoesNotContain(typeof(SmallestK), kernels);
    }

    /// <summary>The check can fail: leave out the test class of a kernel and that kernel, and only it, is reported.</summary>
    [Fact]
    public void AKernelWithoutItsTestClassIsReported()
    {
        var untested = Untested(TestClasses.Where(t => t != typeof(SquaredDistanceTests)));
        Assert.Equal([typeof(SquaredDistance)], untested);
    }
}
