using System.Runtime.CompilerServices;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The library's sign convention for eigen- and singular vectors: the component of largest magnitude is positive,
/// the first such component deciding on ties (so (−1, 1)/√2 becomes (1, −1)/√2).
/// </summary>
internal static class SignConvention
{
    /// <summary>Index of the first component of largest magnitude (0 for an empty span).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PeakIndex(ReadOnlySpan<double> x)
    {
        int peak = 0;
        double best = -1;
        for (int i = 0; i < x.Length; i++)
        {
            double magnitude = Math.Abs(x[i]);
            if (magnitude > best)
            {
                best = magnitude;
                peak = i;
            }
        }

        return peak;
    }

    /// <summary>Whether <paramref name="x"/> must be negated to follow the convention.</summary>
    public static bool NeedsFlip(ReadOnlySpan<double> x) => x.Length > 0 && x[PeakIndex(x)] < 0;
}
