using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The first stage of the two-stage tridiagonal reduction: a dense symmetric matrix brought to band form
/// B = Qᵀ·A·Q of bandwidth b by blocked Householder transformations (LAPACK dsytrd_sy2sb, UPLO = 'L'; Bischof, Lang
/// and Sun, "A framework for symmetric band reduction", ACM TOMS 26(4), 2000; Golub and Van Loan, 4th ed., §5.2.2).
/// </summary>
/// <remarks>
/// <para>
/// Panel k holds columns k … k+b−1 below row k+b−1: P = A[k+b.., k..k+b−1], m×b with m = n−k−b. Its Householder QR
/// P = Q_k·R (column by column on a transposed copy, so each reflector is a contiguous row) leaves R in the band and
/// zeros below it; with Q_k = I − V·T·Vᵀ (T from dlarft), the trailing block takes the two-sided update
/// A₂₂ ← Q_kᵀ·A₂₂·Q_k = A₂₂ − V·Zᵀ − Z·Vᵀ, where W = A₂₂·V·T and Z = W − ½·V·(Tᵀ·Vᵀ·W).
/// </para>
/// <para>
/// Unlike the one-stage reduction (<see cref="BlockedTridiagonalization"/>), which reads the whole trailing triangle
/// once per column in a symmetric matrix-vector product, every flop here is in a matrix-matrix product on every core
/// (<see cref="Gemm"/>), and each panel passes over the trailing block once: with look-ahead (the next panel's columns
/// take this panel's update first and are factored), the rest of the block takes the update on its lower triangle row
/// block by row block and, while a block is in cache, gives its share of the next panel's W (dsymm + dsyr2k fused).
/// Cost 4n³/3 flops.
/// </para>
/// </remarks>
internal static class SymmetricBandReduction
{
    /// <summary>Rows of the trailing block per step of the fused update-and-product pass.</summary>
    internal const int RowBlock = 128;

    /// <summary>
    /// Reduces the symmetric n×n row-major <paramref name="a"/> (its lower triangle read; the upper one is first made its
    /// mirror image, since the panels' products read whole rows) in place to band form: on return the lower triangle
    /// within <paramref name="bandwidth"/> of the diagonal holds B and the rest of the lower triangle zeros (the upper
    /// triangle is left unspecified). Cancellation is checked once per panel.
    /// </summary>
    public static void Reduce(double[] a, int n, int bandwidth, KernelPath path, CancellationToken cancellationToken = default) =>
        Reduce(a, n, bandwidth, path, Environment.ProcessorCount, cancellationToken);

    /// <summary>The reduction on the given kernel path and at most <paramref name="parts"/> threads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Reduce(double[] a, int n, int bandwidth, KernelPath path, int parts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bandwidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        int b = bandwidth;
        if (n - b < 2) return;
        SymmetricMirror.LowerToUpper<double>(a, n, n);
        var panel = new Panel(b, n - b);
        var next = new Panel(b, n - b);
        var scratch = (Product: new double[b * b], Half: new double[b * b]);
        var partialW = new double[parts - 1][];
        for (int p = 0; p < partialW.Length; p++) partialW[p] = new double[(n - b) * b];
        cancellationToken.ThrowIfCancellationRequested();
        panel.Factor(a, n, 0, path);
        Gemm.Multiply(Op.None, Op.None, panel.M, panel.R, panel.M, 1.0, a.AsSpan((b * n) + b), n, panel.X, panel.R, 0.0, panel.W, panel.R, path);
        for (int k = 0; ; k += b)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int m = panel.M, r = panel.R, r0 = k + b;
            // Z = W − ½·V·(Tᵀ·(Vᵀ·W)) in W's place (V = the reflector rowsᵀ).
            Gemm.Multiply(Op.None, Op.None, r, r, m, 1.0, panel.Reflectors, m, panel.W, r, 0.0, scratch.Product, r, path);
            Gemm.Multiply(Op.Transpose, Op.None, r, r, r, 1.0, panel.T, b, scratch.Product, r, 0.0, scratch.Half, r, path);
            Gemm.Multiply(Op.Transpose, Op.None, m, r, r, -0.5, panel.Reflectors, m, scratch.Half, r, 1.0, panel.W, r, path);
            if (n - r0 - b < 2)
            {
                // The last panel: its whole trailing block (inside the band) takes A₂₂ ← A₂₂ − V·Zᵀ − Z·Vᵀ.
                Update(a, n, panel, r0, 0, m, 0, m, path, serial: false);
                return;
            }

            // Look-ahead: the next panel's columns take this panel's update first, then are factored, so the rest of the
            // trailing block can take the update and give the next panel's W = A₂₂·X in one pass.
            Update(a, n, panel, r0, 0, m, 0, b, path, serial: false);
            next.Factor(a, n, r0, path);
            FusedPass(a, n, panel, next, r0, path, parts, partialW);
            (panel, next) = (next, panel);
        }
    }

    /// <summary>
    /// A[r0+i, r0+j] −= (V·Zᵀ + Z·Vᵀ)[i, j] for rows <paramref name="i0"/> … <paramref name="i1"/>−1 and columns
    /// <paramref name="j0"/> … <paramref name="j1"/>−1 of the panel's trailing block.
    /// </summary>
    private static void Update(double[] a, int n, Panel panel, int r0, int i0, int i1, int j0, int j1, KernelPath path, bool serial)
    {
        int m = panel.M, r = panel.R, rows = i1 - i0, columns = j1 - j0;
        var c = a.AsSpan(((r0 + i0) * n) + r0 + j0);
        Gemm.Multiply(Op.Transpose, Op.Transpose, rows, columns, r, -1.0, panel.Reflectors.AsSpan(i0), m, panel.W.AsSpan(j0 * r), r, 1.0, c, n, path, serial);
        Gemm.Multiply(Op.None, Op.None, rows, columns, r, -1.0, panel.W.AsSpan(i0 * r), r, panel.Reflectors.AsSpan(j0), m, 1.0, c, n, path, serial);
    }

    /// <summary>
    /// The rest of the trailing block, A[r0+b.., r0+b..] (the next panel's A₂₂), in blocks of rows whose boundaries are
    /// multiples of <see cref="RowBlock"/> in A (the same boundaries in every pass): each block takes this panel's update
    /// on its lower part (columns up to the end of its diagonal tile, which is updated whole, so the diagonal tiles stay
    /// full and the rest of A₂₂ is read from its lower triangle alone) and, while it is in cache, adds both of its
    /// contributions to the next panel's W = A₂₂·X: W[I] += A[I, ..i₁]·X[..i₁] and W[..i₀] += A[I, ..i₀]ᵀ·X[I]. Half the
    /// flops of a full update, as LAPACK's dsymm + dsyr2k. The cores take contiguous ranges of blocks of equal area,
    /// each adding into its own W (summed at the end).
    /// </summary>
    private static void FusedPass(double[] a, int n, Panel panel, Panel next, int r0, KernelPath path, int parts, double[][] partialW)
    {
        int b = panel.Bandwidth, m = next.M, r = next.R, start = r0 + b;
        var bounds = new List<int> { 0 };
        for (int g = ((start / RowBlock) + 1) * RowBlock; g < n; g += RowBlock) bounds.Add(g - start);
        bounds.Add(m);
        int blocks = bounds.Count - 1;
        parts = Math.Min(parts, blocks);
        void Range(int part)
        {
            // Blocks of equal triangle area: part p ends where i₁² reaches m²·(p + 1)/parts.
            int first = Cut(bounds, m, part, parts), last = Cut(bounds, m, part + 1, parts);
            var w = part == 0 ? next.W : partialW[part - 1];
            w.AsSpan(0, m * r).Clear();
            for (int block = first; block < last; block++)
            {
                int i0 = bounds[block], i1 = bounds[block + 1];
                Update(a, n, panel, r0, b + i0, b + i1, b, b + i1, path, serial: true);
                var c = a.AsSpan(((start + i0) * n) + start);
                Gemm.Multiply(Op.None, Op.None, i1 - i0, r, i1, 1.0, c, n, next.X, r, 1.0, w.AsSpan(i0 * r), r, path, serial: true);
                if (i0 > 0)
                    Gemm.Multiply(Op.Transpose, Op.None, i0, r, i1 - i0, 1.0, c, n, next.X.AsSpan(i0 * r), r, 1.0, w, r, path, serial: true);
            }
        }

        if (parts == 1) Range(0);
        else
        {
            KernelTeam.For(0, parts, Range);
            for (int p = 1; p < parts; p++) TensorPrimitives.Add(next.W.AsSpan(0, m * r), partialW[p - 1].AsSpan(0, m * r), next.W.AsSpan(0, m * r));
        }
    }

    /// <summary>The first block of part <paramref name="part"/> of <paramref name="parts"/>, cutting where the lower triangle's area divides evenly.</summary>
    private static int Cut(List<int> bounds, int m, int part, int parts)
    {
        int blocks = bounds.Count - 1;
        if (part >= parts) return blocks;
        double target = (double)m * m * part / parts;
        int block = 0;
        while (block < blocks && (double)bounds[block] * bounds[block] < target) block++;
        return block;
    }

    /// <summary>One panel's reflectors (rows of length M), τ, T (stride b), X = V·T and W (M×R each, W later Z).</summary>
    private sealed class Panel(int bandwidth, int most)
    {
        public int Bandwidth { get; } = bandwidth;

        /// <summary>Rows of the trailing block (and length of each reflector).</summary>
        public int M { get; private set; }

        /// <summary>Reflectors: min(M, b).</summary>
        public int R { get; private set; }

        public double[] Reflectors { get; } = new double[bandwidth * most];

        public double[] Tau { get; } = new double[bandwidth];

        public double[] T { get; } = new double[bandwidth * bandwidth];

        public double[] X { get; } = new double[most * bandwidth];

        public double[] W { get; } = new double[most * bandwidth];

        /// <summary>Factors the panel of columns k … k+b−1 (rows k+b …) and forms T and X = V·T.</summary>
        public void Factor(double[] a, int n, int k, KernelPath path)
        {
            int b = Bandwidth;
            M = n - k - b;
            R = Math.Min(M, b);
            FactorPanel(a, n, k, b, M, Reflectors, Tau, path);
            HouseholderBackTransformation.BuildTriangularFactor(Reflectors, Tau, M, 0, 0, R, T, b);
            Gemm.Multiply(Op.Transpose, Op.None, M, R, R, 1.0, Reflectors, M, T, b, 0.0, X, R, path);
        }
    }

    /// <summary>
    /// Householder QR of the m×b panel A[k+b.., k..k+b−1] on its transposed copy (each column a contiguous row): reflector
    /// j (v[j] = 1, zero before) becomes row j of <paramref name="reflectors"/> (row length m), τ_j goes to
    /// <paramref name="tau"/>, and is applied at once to the later columns (right-looking, <see cref="BandReflectors.FromRight"/>
    /// on the transposed rows); R and the zeros below it are written back to the panel. With m &lt; b only m reflectors
    /// exist and the later columns are R's alone.
    /// </summary>
    private static void FactorPanel(double[] a, int n, int k, int b, int m, double[] reflectors, double[] tau, KernelPath path)
    {
        int r0 = k + b, count = Math.Min(m, b);
        for (int i = 0; i < m; i++)
        {
            var row = a.AsSpan(((r0 + i) * n) + k, b);
            for (int j = 0; j < b; j++) reflectors[(j * m) + i] = row[j];
        }

        for (int j = 0; j < b; j++)
        {
            var x = reflectors.AsSpan(j * m, m);
            int column = k + j;
            if (j >= count)
            {
                for (int i = 0; i < m; i++) a[((r0 + i) * n) + column] = x[i];
                continue;
            }

            for (int i = 0; i < j; i++) a[((r0 + i) * n) + column] = x[i];
            a[((r0 + j) * n) + column] = HouseholderReflector.Generate(x[j], x[(j + 1)..], out tau[j]);
            for (int i = j + 1; i < m; i++) a[((r0 + i) * n) + column] = 0;
            x[..j].Clear();
            x[j] = 1;
            if (j + 1 < b) BandReflectors.FromRight(reflectors, ((j + 1) * m) + j, m, b - j - 1, x[j..], tau[j], path);
        }
    }
}
