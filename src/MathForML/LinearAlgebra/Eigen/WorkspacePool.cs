using System.Numerics;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Reusable n×n work arrays for the eigensolvers. A 784×784 decomposition needs about eight 5 MB temporaries; as fresh
/// large-object allocations they cost a gen-2 collection every few calls and the page faults of new memory, which
/// measured as a third of the run time. Rented arrays may be longer than asked for and are zeroed only on request.
/// </summary>
/// <remarks>
/// Lengths are rounded up to a power of two (at least 1,024, at most 2²⁶ — longer arrays are allocated and not kept)
/// and at most <see cref="ArraysPerSize"/> arrays of each size are kept. A new array comes from <see cref="LargeArray"/>, uninitialised and advised for huge pages: in a fresh
/// process the first decomposition's arrays are all new, and their first touch was a fifth of a whole <c>mml pca</c>
/// run's page faults (the clearing of 4 KiB pages one fault at a time).
/// </remarks>
internal static class WorkspacePool
{
    private const int ArraysPerSize = 8;
    private const int LargestKept = 1 << 26;   // 512 MB: larger work arrays are not held for later (as before)
    private const int SmallestLength = 1 << 10;
    private static readonly Stack<double[]>?[] Buckets = new Stack<double[]>?[31];

    /// <summary>An array of at least <paramref name="length"/> elements; the first <paramref name="length"/> are zero when <paramref name="clear"/>.</summary>
    public static double[] Rent(int length, bool clear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > LargestKept) return clear ? LargeArray.Zeroed<double>(length) : LargeArray.Uninitialized<double>(length);   // not kept
        int bucket = BucketOf(length);
        double[]? array = null;
        lock (Buckets)
        {
            if (Buckets[bucket] is { Count: > 0 } kept) array = kept.Pop();
        }
        array ??= LargeArray.Uninitialized<double>(1 << bucket);
        if (clear) array.AsSpan(0, length).Clear();
        return array;
    }

    /// <summary>Gives an array back; the caller must not use it afterwards. Arrays not rented here are ignored.</summary>
    public static void Return(double[] array)
    {
        if (array.Length < SmallestLength || array.Length > LargestKept || !BitOperations.IsPow2(array.Length)) return;
        int bucket = BitOperations.Log2((uint)array.Length);
        lock (Buckets)
        {
            var kept = Buckets[bucket] ??= new Stack<double[]>(ArraysPerSize);
            if (kept.Count < ArraysPerSize) kept.Push(array);
        }
    }

    private static int BucketOf(int length) =>
        length <= SmallestLength ? BitOperations.Log2(SmallestLength) : BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)length));
}
