using System.Numerics;
using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>Random operands with padding columns, and the error bound the fast kernels are held to.</summary>
internal static class KernelTestData
{
    /// <summary>
    /// Per-element tolerance factor: |fast − reference| ≤ Tolerance·(k + 2)·(|α|·Σₚ|aᵢₚ||bₚⱼ| bounded by max|a|·max|b|, plus |β|·|cᵢⱼ|).
    /// Both sums carry at most (k + 2)·u relative error (u = 2⁻⁵³ or 2⁻²⁴), so 1e-14 (double) and 1e-6 (float) leave
    /// a margin of about 45× and 8× over that bound.
    /// </summary>
    public static double Tolerance<T>() => typeof(T) == typeof(float) ? 1e-6 : 1e-14;

    /// <summary>Paths to test: every one the machine runs in hardware.</summary>
    public static IEnumerable<KernelPath> Paths => KernelPathSelection.Supported;

    /// <summary>The paths as theory data (as ints: <see cref="KernelPath"/> is internal).</summary>
    public static TheoryData<int> PathNumbers() => [.. KernelPathSelection.Supported.Select(p => (int)p)];

    /// <summary>Vector lengths for the level-1 kernels: empty, shorter than a register, odd tails after 1, 2 and many registers.</summary>
    public static readonly int[] Lengths = [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 47, 64, 67, 130, 257];

    /// <summary>n uniform values in [lo, hi).</summary>
    public static double[] Uniform(Random random, int n, double lo = -1, double hi = 1) =>
        [.. Enumerable.Range(0, n).Select(_ => lo + ((hi - lo) * random.NextDouble()))];

    /// <summary>A rows×ld matrix of uniform values in [−1, 1) whose columns past <paramref name="columns"/> are NaN (must never be read).</summary>
    public static T[] Random<T>(Random random, int rows, int columns, int ld)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new T[Math.Max(1, rows * ld)];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < ld; j++)
                data[(i * ld) + j] = j < columns ? T.CreateChecked((random.NextDouble() * 2) - 1) : T.NaN;
        return data;
    }

    /// <summary>Asserts every element of the rows×columns block agrees within the bound, and padding columns are left as they were.</summary>
    public static void AssertClose<T>(T[] expected, T[] actual, int rows, int columns, int ld, int k, double alpha, double beta, T[] cBefore, double aMax, double bMax)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double tol = Tolerance<T>() * (k + 2);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < ld; j++)
            {
                int at = (i * ld) + j;
                if (j >= columns)
                {
                    Assert.True(T.IsNaN(actual[at]) && T.IsNaN(cBefore[at]) || actual[at] == cBefore[at], $"padding C[{i},{j}] was written");
                    continue;
                }

                double before = beta == 0 ? 0 : Math.Abs(double.CreateChecked(cBefore[at]));
                double bound = tol * ((Math.Abs(alpha) * k * aMax * bMax) + (Math.Abs(beta) * before)) + 1e-300;
                double e = double.CreateChecked(expected[at]), got = double.CreateChecked(actual[at]);
                Assert.False(double.IsNaN(got), $"C[{i},{j}] is NaN");
                Assert.True(Math.Abs(e - got) <= bound, $"C[{i},{j}] = {got}, reference {e}, |Δ| = {Math.Abs(e - got)} > {bound}");
            }
    }
}
