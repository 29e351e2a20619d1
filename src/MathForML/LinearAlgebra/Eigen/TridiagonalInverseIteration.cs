using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The largest eigenpairs of a symmetric tridiagonal matrix T: every eigenvalue by the root-free QL/QR iteration
/// (<see cref="TridiagonalValues"/>, dsterf), then the eigenvectors of the k largest alone by inverse iteration
/// (LAPACK dstein; the pair is LAPACK's dsyevx without bisection). For PCA's k ≪ n components this replaces divide and
/// conquer on all n eigenvectors (O(n²)–O(n³)) by O(k·n) work, and the back-transformation then applies Q to k vectors
/// instead of n.
/// </summary>
/// <remarks>
/// <para>
/// T (diagonal d, off-diagonal e) is first split into unreduced blocks where |e_i| ≤ ε·√|d_i|·√|d_{i+1}| (dstebz's test);
/// each eigenvalue belongs to one block and its eigenvector is zero outside it. For each selected eigenvalue λ of a
/// block, taken in ascending order, inverse iteration solves (T_b − λI)·x_{t+1} = s_t·x_t from a pseudo-random start,
/// where T_b − λI = P·L·U is factored with partial pivoting once per eigenvalue (dlagtf) and tiny pivots of U are
/// perturbed by ±tol = ε·‖T_b‖ in the back substitution (dlagts, job −1) so the solve never overflows. s_t scales x_t so
/// the solution stays in range. The iteration stops two steps after max|x| ≥ √(0.1/m) (dstein's test: the growth that
/// shows x lies in λ's eigenspace up to O(ε‖T‖)/gap), at most five steps.
/// </para>
/// <para>
/// Eigenvalues closer than 10·ε·|λ| to the previous are nudged apart, and the vectors of a cluster (consecutive
/// eigenvalues less than 10⁻³·‖T_b‖₁ apart) are re-orthogonalised against the cluster's earlier vectors after every
/// solve (modified Gram–Schmidt): within a cluster inverse iteration alone does not separate them. Across clusters the
/// vectors are orthogonal to O(ε‖T‖/gap) ≤ O(10³ε). Inverse iteration has no orthogonality guarantee for large, tight
/// clusters, so <see cref="Largest"/> checks ‖ZZᵀ − I‖_max ≤ <see cref="OrthogonalityTolerance"/> (k²n/2 flops) and
/// reports failure instead of returning a poor basis; the caller then takes divide and conquer.
/// </para>
/// <para>Sources: LAPACK 3.12 dstein, dlagtf, dlagts, dstebz; Golub and Van Loan, Matrix Computations, 4th ed., §8.2.2 and §8.4.</para>
/// </remarks>
internal static class TridiagonalInverseIteration
{
    /// <summary>Inverse-iteration steps allowed per eigenvector (dstein's MAXITS).</summary>
    private const int MaxSteps = 5;

    /// <summary>Steps taken after the convergence test first passes (dstein's EXTRA).</summary>
    private const int ExtraSteps = 2;

    /// <summary>The largest |(ZZᵀ − I)ᵢⱼ| accepted for the computed eigenvectors Z.</summary>
    internal const double OrthogonalityTolerance = 1e-12;

    /// <summary>
    /// Fills <paramref name="values"/> (length ≥ n) with every eigenvalue of T, descending, and the first
    /// <paramref name="count"/> rows of the row-major <paramref name="vectors"/> (count×n) with the unit eigenvectors of
    /// the <paramref name="count"/> largest, row q pairing with values[q]. <paramref name="d"/> and
    /// <paramref name="e"/> (length ≥ n − 1) are read, not changed. Returns false, leaving the vectors incomplete, when
    /// an eigenvector did not converge or the vectors are not orthonormal to <paramref name="orthogonalityTolerance"/>
    /// (<see cref="OrthogonalityTolerance"/>; the tests pass a negative one to force the caller's fallback).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Largest(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n, int count, Span<double> values, Span<double> vectors,
        double orthogonalityTolerance = OrthogonalityTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, n);
        var blocks = Blocks(d, e, n);
        var pairs = new (double Value, int Block)[n];
        int at = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            var (lo, size) = blocks[b];
            var bd = d.Slice(lo, size).ToArray();
            var be = new double[Math.Max(size, 1)];
            e.Slice(lo, size - 1).CopyTo(be);
            TridiagonalValues.Compute(bd, be, size);
            foreach (double v in bd) pairs[at++] = (v, b);
        }

        // Descending by value; ties by block so the order is reproducible.
        Array.Sort(pairs, (x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : x.Block.CompareTo(y.Block));
        for (int q = 0; q < n; q++) values[q] = pairs[q].Value;
        vectors[..(count * n)].Clear();

        // Per block, the selected eigenvalues ascending (dstein's order), each with the row it goes to.
        for (int b = 0; b < blocks.Count; b++)
        {
            var selected = new List<(double Value, int Row)>();
            for (int q = count - 1; q >= 0; q--)
            {
                if (pairs[q].Block == b) selected.Add((pairs[q].Value, q));
            }
            if (selected.Count == 0) continue;
            var (lo, size) = blocks[b];
            if (!InvertBlock(d.Slice(lo, size), e.Slice(lo, size - 1), selected, vectors, n, lo)) return false;
        }

        return IsOrthonormal(vectors, count, n, orthogonalityTolerance);
    }

    /// <summary>
    /// The unreduced blocks of T as (start, size): T splits after i where |e_i| ≤ ε·√|d_i|·√|d_{i+1}| (dstebz's test,
    /// without squares so that it holds at any scale).
    /// </summary>
    internal static List<(int Start, int Size)> Blocks(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n)
    {
        const double ulp = MachineEpsilon.Double;
        var blocks = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < n - 1; i++)
        {
            if (Math.Abs(e[i]) <= ulp * Math.Sqrt(Math.Abs(d[i])) * Math.Sqrt(Math.Abs(d[i + 1])))
            {
                blocks.Add((start, i + 1 - start));
                start = i + 1;
            }
        }

        if (n > 0) blocks.Add((start, n - start));
        return blocks;
    }

    /// <summary>
    /// dstein on one block (diagonal <paramref name="d"/>, off-diagonal <paramref name="e"/>, rows lo … lo + m − 1 of T):
    /// the eigenvector of each (value, row) of <paramref name="selected"/> (ascending values) into that row of
    /// <paramref name="vectors"/>. False when one did not converge in <see cref="MaxSteps"/> steps.
    /// </summary>
    private static bool InvertBlock(ReadOnlySpan<double> d, ReadOnlySpan<double> e, List<(double Value, int Row)> selected, Span<double> vectors, int n, int lo)
    {
        int m = d.Length;
        if (m == 1)
        {
            vectors[selected[0].Row * n + lo] = 1;
            return true;
        }

        // The block scaled by a power of two (exact; eigenvectors unchanged) so that its largest entry is near 1: the
        // scaling of x before each solve below then neither overflows nor underflows at 1e±300.
        double largestEntry = Math.Max(Math.Abs(TensorPrimitives.MaxMagnitude(d)), Math.Abs(TensorPrimitives.MaxMagnitude(e)));
        double blockScale = Math.ScaleB(1.0, Math.Clamp(-Math.ILogB(largestEntry), -1000, 1000));
        var scaledD = new double[m];
        var scaledE = new double[m - 1];
        for (int i = 0; i < m; i++) scaledD[i] = d[i] * blockScale;
        for (int i = 0; i < m - 1; i++) scaledE[i] = e[i] * blockScale;
        return InvertScaledBlock(scaledD, scaledE, selected, blockScale, vectors, n, lo);
    }

    /// <summary><see cref="InvertBlock"/> on the block scaled by <paramref name="blockScale"/> (the eigenvalues of <paramref name="selected"/> are not yet).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool InvertScaledBlock(double[] d, double[] e, List<(double Value, int Row)> selected, double blockScale, Span<double> vectors, int n, int lo)
    {
        int m = d.Length;

        double norm1 = 0;   // ‖T_b‖₁
        for (int i = 0; i < m; i++)
            norm1 = Math.Max(norm1, Math.Abs(d[i]) + (i > 0 ? Math.Abs(e[i - 1]) : 0) + (i < m - 1 ? Math.Abs(e[i]) : 0));
        double clusterGap = 1e-3 * norm1;
        double growthTarget = Math.Sqrt(0.1 / m);
        const double eps = MachineEpsilon.Double;

        var lu = new TridiagonalLu(m);
        var x = new double[m];
        double previous = 0;
        int clusterStart = 0;   // index in selected of the first vector of the current cluster
        for (int j = 0; j < selected.Count; j++)
        {
            double lambda = selected[j].Value * blockScale;
            if (j > 0)
            {
                double perturbation = 10 * Math.Abs(eps * lambda);
                if (lambda - previous < perturbation) lambda = previous + perturbation;
                if (Math.Abs(lambda - previous) > clusterGap) clusterStart = j;
            }

            StartVector(x, selected[j].Row);
            lu.Factor(d, e, lambda);
            int converged = 0;
            for (int step = 1; ; step++)
            {
                if (step > MaxSteps) return false;
                // Scale so that the solve neither overflows nor underflows (dstein): x ← m·‖T‖₁·max(ε, |u_mm|)/‖x‖₁ · x.
                double sum = 0;
                foreach (double v in x) sum += Math.Abs(v);
                double scale = m * norm1 * Math.Max(eps, Math.Abs(lu.LastPivot)) / sum;
                TensorPrimitives.Multiply(x, scale, x);
                lu.Solve(x);
                for (int c = clusterStart; c < j; c++)
                {
                    // Modified Gram–Schmidt against the cluster's earlier (unit) vectors: x ← x − (x·z)z.
                    var z = vectors.Slice(selected[c].Row * n + lo, m);
                    double dot = Dot(x, z);
                    for (int i = 0; i < m; i++) x[i] -= dot * z[i];
                }

                if (Math.Abs(TensorPrimitives.MaxMagnitude<double>(x)) < growthTarget) continue;
                if (++converged < ExtraSteps + 1) continue;
                break;
            }

            TensorPrimitives.Multiply(x, 1 / Math.Sqrt(Dot(x, x)), vectors.Slice(selected[j].Row * n + lo, m));
            previous = lambda;
        }

        return true;
    }

    /// <summary>A reproducible start vector with entries uniform in (−1, 1) (xorshift64*, seeded by the row).</summary>
    private static void StartVector(double[] x, int row)
    {
        ulong state = 0x9E3779B97F4A7C15UL ^ (ulong)(row + 1) * 0xBF58476D1CE4E5B9UL;
        for (int i = 0; i < x.Length; i++)
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            ulong bits = state * 0x2545F4914F6CDD1DUL;
            x[i] = 2 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1;
        }
    }

    /// <summary>
    /// x·y in plain code: the vectors here are one tridiagonal block long and this runs a few hundred times, where
    /// compiling a vectorised generic operator at start-up would cost more than it saves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 1 < x.Length; i += 2)
        {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
        }
        if (i < x.Length) s0 += x[i] * y[i];
        return s0 + s1;
    }

    /// <summary>max |(ZZᵀ − I)ᵢⱼ| ≤ <paramref name="tolerance"/> for the <paramref name="count"/>×n rows Z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsOrthonormal(ReadOnlySpan<double> z, int count, int n, double tolerance)
    {
        for (int p = 0; p < count; p++)
        {
            var zp = z.Slice(p * n, n);
            for (int q = 0; q <= p; q++)
            {
                double dot = Dot(zp, z.Slice(q * n, n));
                if (!(Math.Abs(dot - (p == q ? 1 : 0)) <= tolerance)) return false;
            }
        }

        return true;
    }
}
