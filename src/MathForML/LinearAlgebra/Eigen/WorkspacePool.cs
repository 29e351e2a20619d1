using System.Buffers;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Reusable n×n work arrays for the eigensolvers. A 784×784 decomposition needs about eight 5 MB temporaries; as fresh
/// large-object allocations they cost a gen-2 collection every few calls and the page faults of new memory, which
/// measured as a third of the run time. Rented arrays may be longer than asked for and are zeroed only on request.
/// </summary>
internal static class WorkspacePool
{
    private static readonly ArrayPool<double> Pool = ArrayPool<double>.Create(maxArrayLength: 1 << 26, maxArraysPerBucket: 8);

    /// <summary>An array of at least <paramref name="length"/> elements; the first <paramref name="length"/> are zero when <paramref name="clear"/>.</summary>
    public static double[] Rent(int length, bool clear)
    {
        var array = Pool.Rent(length);
        if (clear) array.AsSpan(0, length).Clear();
        return array;
    }

    /// <summary>Gives an array back; the caller must not use it afterwards.</summary>
    public static void Return(double[] array) => Pool.Return(array);
}
