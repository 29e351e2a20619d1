using System.Numerics;
using System.Runtime.CompilerServices;

namespace MathForML.Kernels;

/// <summary>
/// The k smallest of a stream of (key, index) pairs, kept as an ascending list by insertion: the bounded selection of
/// k-nearest-neighbour search (N·log k comparisons in the usual case where few pairs enter, k per pair at worst).
/// </summary>
/// <remarks>
/// Pairs are ordered by key, then by index: of two equal keys the smaller index comes first and stays when the list is
/// full, so a stream visited in index order keeps the earlier sample on ties (scikit-learn's choice). A NaN key never
/// enters a full list and goes behind every other key of a list still filling. Scalar only: one comparison decides
/// most pairs, and the shifts that follow are short.
/// </remarks>
internal static class SmallestK
{
    /// <summary>
    /// Offers (key, index) to the ascending list keys[0..count), indices[0..count) alongside, which holds at most
    /// keys.Length pairs: it enters if the list has room or it comes before the list's last pair (which then drops out).
    /// Returns the list's new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Offer<T>(Span<T> keys, Span<int> indices, int count, T key, int index)
        where T : IFloatingPointIeee754<T>
    {
        int k = keys.Length;
        if (count == k && !Precedes(key, index, keys[k - 1], indices[k - 1])) return count;
        int p = count < k ? count++ : k - 1;
        while (p > 0 && Precedes(key, index, keys[p - 1], indices[p - 1]))
        {
            keys[p] = keys[p - 1];
            indices[p] = indices[p - 1];
            p--;
        }

        keys[p] = key;
        indices[p] = index;
        return count;
    }

    /// <summary>
    /// The indices of the best.Length smallest values, smallest first (the lower index on ties): each value offered in
    /// index order. best.Length must be between 1 and values.Length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Select<T>(ReadOnlySpan<T> values, Span<int> best)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = best.Length, count = 0;
        Span<T> keys = k <= 64 ? stackalloc T[k] : new T[k];
        for (int i = 0; i < values.Length; i++) count = Offer(keys, best, count, values[i], i);
    }

    /// <summary>(key, index) comes before (otherKey, otherIndex): a smaller key, or an equal key and a smaller index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Precedes<T>(T key, int index, T otherKey, int otherIndex)
        where T : IFloatingPointIeee754<T> =>
        key < otherKey || (key == otherKey && index < otherIndex);
}
