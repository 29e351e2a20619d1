using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The node-wise end of a PageRank step, over a block of nodes w: x'_w = (d·sum_w + c) + j_w, where sum_w is the
/// gathered Σ_{u→w} x_u/out-degree(u), c = d·(dangling mass)/n and j_w = (1 − d)·v_w (or the one number (1 − d)/n for
/// a uniform jump); then s'_w = x'_w·(1/out-degree(w)) (0 for a dangling node), and sum_w ← 0 for the next step.
/// Returns the block's L1 change Σ|x'_w − x_w| and its dangling mass Σ_{out-degree(w) = 0} x'_w.
/// </summary>
/// <remarks>
/// One pass, seven streams of doubles (eight with a personalized jump), memory bound: the vector paths exist to keep
/// the pass at memory speed. d·sum + c is fused (one rounding) on the vector paths and two roundings on the scalar one
/// and the tail; the two sums returned are kept lane by lane and the lanes added at the end. So each path gives the
/// same result for the same block every time (the blocks, not the threads, fix the order), and the paths agree to
/// rounding.
/// </remarks>
internal static class PageRankUpdate
{
    /// <summary>Updates one block; all spans as long as <paramref name="sums"/> (<paramref name="jump"/> may be empty: uniform jump).</summary>
    public static (double Change, double Dangling) Apply(Span<double> sums, ReadOnlySpan<double> x, ReadOnlySpan<double> inverseDegree,
        ReadOnlySpan<double> jump, double uniformJump, double damping, double uniformShare, Span<double> next, Span<double> scaledNext,
        KernelPath path)
    {
        int n = sums.Length;
        if (x.Length != n || inverseDegree.Length != n || next.Length != n || scaledNext.Length != n || (!jump.IsEmpty && jump.Length != n))
            throw new ArgumentException($"The block's vectors must all hold {n} nodes.", nameof(sums));
        var operands = new Operands(sums, x, inverseDegree, jump, next, scaledNext);
        bool personalized = !jump.IsEmpty;
        return (path, personalized) switch
        {
            (KernelPath.Vector512, false) => Loop<Vector512<double>, Vector512Lanes<double>, FlagClear>(operands, uniformJump, damping, uniformShare),
            (KernelPath.Vector512, true) => Loop<Vector512<double>, Vector512Lanes<double>, FlagSet>(operands, uniformJump, damping, uniformShare),
            (KernelPath.Vector256, false) => Loop<Vector256<double>, Vector256Lanes<double>, FlagClear>(operands, uniformJump, damping, uniformShare),
            (KernelPath.Vector256, true) => Loop<Vector256<double>, Vector256Lanes<double>, FlagSet>(operands, uniformJump, damping, uniformShare),
            (_, false) => Loop<double, ScalarLanes<double>, FlagClear>(operands, uniformJump, damping, uniformShare),
            (_, true) => Loop<double, ScalarLanes<double>, FlagSet>(operands, uniformJump, damping, uniformShare),
        };
    }

    private readonly ref struct Operands(Span<double> sums, ReadOnlySpan<double> x, ReadOnlySpan<double> inverseDegree,
        ReadOnlySpan<double> jump, Span<double> next, Span<double> scaledNext)
    {
        public readonly Span<double> Sums = sums, Next = next, ScaledNext = scaledNext;
        public readonly ReadOnlySpan<double> X = x, InverseDegree = inverseDegree, Jump = jump;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Change, double Dangling) Loop<TV, TLanes, TPersonalized>(Operands o, double uniformJump, double damping, double uniformShare)
        where TV : struct
        where TLanes : ILanes<double, TV>
        where TPersonalized : IKernelFlag
    {
        ref double sum = ref MemoryMarshal.GetReference(o.Sums);
        ref double x = ref MemoryMarshal.GetReference(o.X);
        ref double inv = ref MemoryMarshal.GetReference(o.InverseDegree);
        ref double jump = ref MemoryMarshal.GetReference(o.Jump);
        ref double next = ref MemoryMarshal.GetReference(o.Next);
        ref double scaledNext = ref MemoryMarshal.GetReference(o.ScaledNext);
        int n = o.Sums.Length, w = 0, count = TLanes.Count;
        TV d = TLanes.Create(damping), share = TLanes.Create(uniformShare), jumpAll = TLanes.Create(uniformJump);
        TV change = TLanes.Zero, dangling = TLanes.Zero;
        for (; w + count <= n; w += count)
        {
            var at = (nuint)w;
            TV value = TLanes.Add(TLanes.MultiplyAdd(d, TLanes.Load(ref sum, at), share), TPersonalized.IsSet ? TLanes.Load(ref jump, at) : jumpAll);
            TV inverse = TLanes.Load(ref inv, at);
            change = TLanes.Add(change, UpdateOperator.AbsoluteDifference(value, TLanes.Load(ref x, at)));
            dangling = TLanes.Add(dangling, UpdateOperator.WhereZero(inverse, value));
            TLanes.Store(value, ref next, at);
            TLanes.Store(UpdateOperator.Multiply(value, inverse), ref scaledNext, at);
            TLanes.Store(TLanes.Zero, ref sum, at);
        }

        double changeTotal = TLanes.Sum(change), danglingTotal = TLanes.Sum(dangling);
        for (; w < n; w++)
        {
            double value = (damping * o.Sums[w]) + uniformShare + (TPersonalized.IsSet ? o.Jump[w] : uniformJump);
            changeTotal += Math.Abs(value - o.X[w]);
            double inverse = o.InverseDegree[w];
            if (inverse == 0) danglingTotal += value;
            o.Next[w] = value;
            o.ScaledNext[w] = value * inverse;
            o.Sums[w] = 0;
        }

        return (changeTotal, danglingTotal);
    }
}

/// <summary>The element-wise arithmetic of <see cref="PageRankUpdate"/> beyond <see cref="ILanes{T, TV}"/>, at each width.</summary>
internal static class UpdateOperator
{
    /// <summary>|a − b| lane by lane (the operands are generic: the JIT keeps only the branch of their type).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV AbsoluteDifference<TV>(TV a, TV b) where TV : struct
    {
        if (typeof(TV) == typeof(Vector512<double>)) return (TV)(object)Vector512.Abs((Vector512<double>)(object)a - (Vector512<double>)(object)b);
        if (typeof(TV) == typeof(Vector256<double>)) return (TV)(object)Vector256.Abs((Vector256<double>)(object)a - (Vector256<double>)(object)b);
        return (TV)(object)Math.Abs((double)(object)a - (double)(object)b);
    }

    /// <summary>a·b lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Multiply<TV>(TV a, TV b) where TV : struct
    {
        if (typeof(TV) == typeof(Vector512<double>)) return (TV)(object)((Vector512<double>)(object)a * (Vector512<double>)(object)b);
        if (typeof(TV) == typeof(Vector256<double>)) return (TV)(object)((Vector256<double>)(object)a * (Vector256<double>)(object)b);
        return (TV)(object)((double)(object)a * (double)(object)b);
    }

    /// <summary>value where key is 0, else 0, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV WhereZero<TV>(TV key, TV value) where TV : struct
    {
        if (typeof(TV) == typeof(Vector512<double>))
            return (TV)(object)Vector512.ConditionalSelect(Vector512.Equals((Vector512<double>)(object)key, Vector512<double>.Zero), (Vector512<double>)(object)value, Vector512<double>.Zero);
        if (typeof(TV) == typeof(Vector256<double>))
            return (TV)(object)Vector256.ConditionalSelect(Vector256.Equals((Vector256<double>)(object)key, Vector256<double>.Zero), (Vector256<double>)(object)value, Vector256<double>.Zero);
        return (double)(object)key == 0 ? value : default;
    }
}
