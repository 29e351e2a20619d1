using System.Runtime.CompilerServices;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Statistics;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// PCA through the D×D covariance: S = Z̃ᵀZ̃/N by blocked SYRK (<see cref="SampleStatistics"/>), then all its
/// eigenvalues and the eigenvectors of the K largest, as rows (<see cref="SymmetricEigen.LargestToRows"/>: dsyevx's
/// inverse iteration for K ≤ D/4, dsyevd's divide and conquer above). The components are the top K eigenvectors.
/// </summary>
/// <remarks>
/// A constant feature j (all its values equal, e.g. MNIST's border pixels) has a zero row and column in S, so S is
/// block diagonal after a permutation: eᵢ is an exact eigenvector with eigenvalue 0, and only the a×a block of the
/// other features needs SYRK and the eigensolver (for MNIST's 10,000 digits a = 717 of 784: (a/D)³ ≈ 0.77 of the
/// eigen work). The result is the same decomposition, assembled back in the full space.
/// Extra memory: S and its eigenvectors; X is centred inside the SYRK packing, never copied.
/// </remarks>
internal static class CovariancePcaSolver
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PcaFactors Solve(Matrix x, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale, int k, bool[] constant, PcaStages stages = default)
    {
        var active = ActiveFeatures(constant);
        double[]? s = null;
        if (active.Length > 0)
        {
            s = WorkspacePool.Rent(active.Length * active.Length, clear: false);   // pooled, as the eigensolver's buffers: a fresh LOH array per fit measured costly
            SampleStatistics.Scatter(x, mean, scale, 1.0 / x.Rows, s, Runs(active), stages.Cancellation);
            stages.ProductDone("scatter matrix");
        }

        return FromCovariance(s, constant, k, stages);
    }

    /// <summary>The features that are not constant, ascending.</summary>
    internal static int[] ActiveFeatures(bool[] constant)
    {
        int count = 0;
        foreach (bool c in constant) count += c ? 0 : 1;
        var active = new int[count];
        for (int j = 0, at = 0; j < constant.Length; j++)
        {
            if (!constant[j]) active[at++] = j;
        }

        return active;
    }

    /// <summary>
    /// The second half of <see cref="Solve"/>: the eigenpairs of the covariance <paramref name="s"/> of the active
    /// features (a×a, full symmetric, in the order of <see cref="ActiveFeatures"/>; null when every feature is constant;
    /// returned to the <see cref="WorkspacePool"/>), assembled with the constant features' zero eigenvalues into the
    /// top <paramref name="k"/> components. Also the last step of a covariance summed elsewhere (over the ranks of a
    /// distributed job).
    /// </summary>
    internal static PcaFactors FromCovariance(double[]? s, bool[] constant, int k, PcaStages stages = default)
    {
        int d = constant.Length;
        var active = ActiveFeatures(constant);
        int a = active.Length;
        double total = 0;
        double[] values = [];
        double[]? rows = null;   // the block's eigenvectors as rows (a×a), row q for eigenvalue q
        if (a > 0)
        {
            ArgumentNullException.ThrowIfNull(s);
            for (int j = 0; j < a; j++) total += s[j * a + j];
            // Every eigenvalue (the explained variance needs the total and the spectrum), eigenvectors only for the top k: the
            // block's sources among the first k components are its first min(k, a) eigenpairs (constants go after).
            (values, rows) = SymmetricEigen.LargestToRows(s, a, Math.Min(k, a), mirrored: true, cancellationToken: stages.Cancellation);   // Scatter mirrors its lower triangle
            WorkspacePool.Return(s);
            stages.EigenDone();
        }

        // The spectrum of S: the block's eigenvalues (descending) with the constant features' zeros inserted after the
        // block's non-negative ones (stable: block first on ties). source[q] ≥ 0: eigenpair of the block; < 0: constant
        // feature −source − 1.
        int insert = 0;
        while (insert < a && values[insert] >= 0) insert++;
        var lambda = new double[d];
        var source = new int[d];
        int at = 0;
        for (int q = 0; q < insert; q++, at++) (lambda[at], source[at]) = (values[q], q);
        for (int j = 0; j < d; j++)
        {
            if (constant[j]) (lambda[at], source[at++]) = (0.0, -j - 1);
        }
        for (int q = insert; q < a; q++, at++) (lambda[at], source[at]) = (values[q], q);

        var components = new double[k * d];
        for (int q = 0; q < k; q++)
        {
            if (source[q] < 0)
            {
                components[q * d + (-source[q] - 1)] = 1;
                continue;
            }

            var row = rows.AsSpan(source[q] * a, a);
            for (int t = 0; t < a; t++) components[q * d + active[t]] = row[t];
        }

        if (rows is not null) WorkspacePool.Return(rows);
        return new PcaFactors(lambda, components, total);
    }

    /// <summary>Runs of consecutive indices in the sorted <paramref name="active"/>, as (start, length).</summary>
    internal static List<(int Start, int Length)> Runs(int[] active)
    {
        var runs = new List<(int, int)>();
        for (int i = 0; i < active.Length;)
        {
            int j = i;
            while (j + 1 < active.Length && active[j + 1] == active[j] + 1) j++;
            runs.Add((active[i], j - i + 1));
            i = j + 1;
        }

        return runs;
    }
}
