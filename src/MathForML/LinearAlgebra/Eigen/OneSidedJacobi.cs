using System.Numerics.Tensors;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// One-sided Jacobi orthogonalisation (Hestenes 1958; Demmel and Veselić 1992; LAPACK dgesvj): rotates pairs of rows of
/// W (n×m) until all rows are mutually orthogonal, applying the same rotations to the rows of X (n×n, initially I).
/// </summary>
/// <remarks>
/// For a pair (i, j) with α = ‖w_i‖², β = ‖w_j‖², γ = w_i·w_j, the rotation with ζ = (β − α)/(2γ),
/// t = sign(ζ)/(|ζ| + √(1 + ζ²)), c = 1/√(1 + t²), s = c·t makes w_i and w_j orthogonal
/// (Golub and Van Loan, 4th ed., §8.6.3 and §8.5.2). Sweeps over all pairs (cyclic-by-rows order) repeat until every pair
/// satisfies |γ| ≤ √m·ε·√(αβ), or until a sweep's rotations are all of rounding size (LAPACK dgesvj's two tests).
/// If the rows of W are the columns of A, at the end A·V = W ᵀ with V = Xᵀ orthogonal, so the
/// row norms are the singular values — accurate to high relative precision, even the small ones.
/// Cost: about 3mn² flops (+ 3n³ for X) per sweep; usually 5–10 sweeps.
/// <para>
/// Rank deficiency: rotating two (nearly) parallel rows leaves the smaller one as pure rounding noise, which can stay
/// parallel to the larger one (e.g. both columns of [[0, 0], [−5, −2]] lie along e₂), so the pair never passes the test.
/// A rotation that leaves its pair not orthogonal while the smaller row is below the noise level 4mε of the larger is
/// therefore completed by setting the smaller row to zero: a change of at most 4mε‖w_large‖, within the backward error
/// of the rotation itself. Rows that carry information (graded columns, tiny singular values) are orthogonalised exactly
/// by the rotation and never meet this case.
/// </para>
/// </remarks>
internal static class OneSidedJacobi
{
    private const int MaxSweeps = 60;

    /// <summary>Orthogonalises the rows of <paramref name="w"/> (n×m) and accumulates the rotations into <paramref name="x"/> (n×n; null: not accumulated, for singular values only).</summary>
    /// <returns>Whether the sweeps converged.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked before every sweep).</exception>
    public static bool Orthogonalize(double[] w, int n, int m, double[]? x, CancellationToken cancellationToken = default)
    {
        var norms = new double[n];
        for (int i = 0; i < n; i++) norms[i] = TensorPrimitives.Dot<double>(w.AsSpan(i * m, m), w.AsSpan(i * m, m));
        // A computed cosine carries rounding of order √m·ε, so pairs below that are left alone (dgesvj's TOL).
        double tolerance = MachineEpsilon.Double * Math.Sqrt(Math.Max(m, 1));
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool rotated = false;
            double maxCosine = 0, maxSine = 0;
            for (int i = 0; i < n - 1; i++)
            {
                var wi = w.AsSpan(i * m, m);
                for (int j = i + 1; j < n; j++)
                {
                    var wj = w.AsSpan(j * m, m);
                    double alpha = norms[i], beta = norms[j];
                    double gamma = TensorPrimitives.Dot<double>(wi, wj);
                    if (gamma == 0) continue;
                    double cosine = Math.Abs(gamma) / Math.Sqrt(alpha * beta);
                    if (cosine <= tolerance) continue;
                    rotated = true;
                    maxCosine = Math.Max(maxCosine, cosine);
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.CopySign(1.0, zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    double c = 1 / Math.Sqrt(1 + t * t);
                    double s = c * t;
                    maxSine = Math.Max(maxSine, Math.Abs(s));
                    Rotate(wi, wj, c, s);
                    if (x is not null) Rotate(x.AsSpan(i * n, n), x.AsSpan(j * n, n), c, s);
                    // Exact update of the squared norms (Rutishauser): α ← α − tγ, β ← β + tγ; refreshed each sweep.
                    norms[i] = alpha - t * gamma;
                    norms[j] = beta + t * gamma;
                    ZeroRoundingNoise(wi, wj, ref norms[i], ref norms[j], m);
                }
            }

            for (int i = 0; i < n; i++) norms[i] = TensorPrimitives.Dot<double>(w.AsSpan(i * m, m), w.AsSpan(i * m, m));
            if (!rotated) return true;
            // dgesvj's second test: the sweep's rotations were all by angles of rounding size, so another sweep would
            // only stir rounding noise (without it a full-rank 2×2 such as [[4.85, 0], [−3, −4]] can cycle for ever).
            if (maxCosine < Math.Sqrt(n) * tolerance && n * maxCosine * maxSine < tolerance) return true;
        }

        return false;
    }

    /// <summary>
    /// After a rotation of the pair (p, q): if they are still not orthogonal and the smaller is below the noise level
    /// 4mε of the larger, sets the smaller to zero (see the remarks on rank deficiency).
    /// </summary>
    private static void ZeroRoundingNoise(Span<double> p, Span<double> q, ref double normP, ref double normQ, int m)
    {
        double noise = 4 * m * MachineEpsilon.Double;
        // The updated norms are cheap and accurate unless the smaller row is itself noise: screen with them first.
        if (Math.Min(normP, normQ) > 4 * noise * noise * Math.Max(normP, normQ)) return;
        double pp = TensorPrimitives.Dot<double>(p, p), qq = TensorPrimitives.Dot<double>(q, q);
        double small = Math.Min(pp, qq), large = Math.Max(pp, qq);
        if (small > noise * noise * large) return;
        double pq = TensorPrimitives.Dot<double>(p, q);
        if (Math.Abs(pq) <= MachineEpsilon.Double * Math.Sqrt(pp * qq)) return;
        if (pp < qq)
        {
            p.Clear();
            normP = 0;
        }
        else
        {
            q.Clear();
            normQ = 0;
        }
    }

    /// <summary>p ← c·p − s·q, q ← s·p + c·q.</summary>
    private static void Rotate(Span<double> p, Span<double> q, double c, double s)
    {
        for (int k = 0; k < p.Length; k++)
        {
            double a = p[k], b = q[k];
            p[k] = c * a - s * b;
            q[k] = s * a + c * b;
        }
    }
}
