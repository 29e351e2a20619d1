using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MathForML.Kernels;

/// <summary>
/// The plumbing of one vector width for the level-1 kernels: how many elements of <typeparamref name="T"/> a register
/// <typeparamref name="TV"/> holds, and how to load, store, broadcast and sum one, and its add and multiply-add. The arithmetic lives in each kernel's
/// operator (a struct with a scalar, a <see cref="Vector256{T}"/> and a <see cref="Vector512{T}"/> body, in the shape of
/// <c>System.Numerics.Tensors.TensorPrimitives</c>' operators); the loop over the spans is written once, generic in
/// <typeparamref name="TV"/> and the lanes, and <see cref="KernelPath"/> picks the instantiation. The JIT compiles
/// each instantiation separately (value-type generic arguments), so the static calls inline to the instructions.
/// </summary>
/// <remarks>The scalar lanes are TV = T with <see cref="Count"/> = 1: the shared loop then runs scalar from start to end.</remarks>
internal interface ILanes<T, TV>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TV : struct
{
    /// <summary>Elements a register holds: 1 for the scalar lanes, else 256 or 512 bits over the size of T.</summary>
    static abstract int Count { get; }

    /// <summary>The register of zeros.</summary>
    static abstract TV Zero { get; }

    /// <summary>Every lane equal to <paramref name="value"/>.</summary>
    static abstract TV Create(T value);

    /// <summary>Count elements from source + offset (no alignment needed).</summary>
    static abstract TV Load(ref T source, nuint offset);

    /// <summary>Stores the register's Count elements at destination + offset.</summary>
    static abstract void Store(TV value, ref T destination, nuint offset);

    /// <summary>a + b lane by lane.</summary>
    static abstract TV Add(TV a, TV b);

    /// <summary>
    /// a·b + c lane by lane: fused (one rounding) on vector lanes, multiply then add (two roundings) on scalar lanes,
    /// the order the scalar tails of the vector loops have always used.
    /// </summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>The sum of the lanes (the order of <see cref="Vector256.Sum{T}(Vector256{T})"/> and its 512-bit twin).</summary>
    static abstract T Sum(TV value);
}

/// <summary>One element a "register": the scalar path.</summary>
internal readonly struct ScalarLanes<T> : ILanes<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    public static T Zero => T.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Create(T value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(ref T source, nuint offset) => Unsafe.Add(ref source, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T value, ref T destination, nuint offset) => Unsafe.Add(ref destination, offset) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(T value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T a, T b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAdd(T a, T b, T c) => c + (a * b);
}

/// <summary>256-bit registers (AVX2 on x86).</summary>
internal readonly struct Vector256Lanes<T> : ILanes<T, Vector256<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc/>
    public static Vector256<T> Zero => Vector256<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Create(T value) => Vector256.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => FusedMultiplyAdd.Apply(a, b, c);
}

/// <summary>512-bit registers (AVX-512F on x86).</summary>
internal readonly struct Vector512Lanes<T> : ILanes<T, Vector512<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc/>
    public static Vector512<T> Zero => Vector512<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Create(T value) => Vector512.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => FusedMultiplyAdd.Apply(a, b, c);
}
