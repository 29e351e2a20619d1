namespace MathForML.Kernels;

/// <summary>
/// A yes/no choice made by a type argument instead of a parameter: a kernel loop generic in <c>TFlag</c> tests
/// <c>TFlag.IsSet</c>, which the JIT folds to a constant in each instantiation, so the loop is written once and the
/// branch (and any load behind it) is gone from both compiled copies.
/// </summary>
internal interface IKernelFlag
{
    /// <summary>Whether the choice is taken.</summary>
    static abstract bool IsSet { get; }
}

/// <summary>The choice is taken.</summary>
internal readonly struct FlagSet : IKernelFlag
{
    /// <inheritdoc/>
    public static bool IsSet => true;
}

/// <summary>The choice is not taken.</summary>
internal readonly struct FlagClear : IKernelFlag
{
    /// <inheritdoc/>
    public static bool IsSet => false;
}
