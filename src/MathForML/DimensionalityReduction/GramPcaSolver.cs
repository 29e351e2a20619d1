using System.Numerics.Tensors;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;

namespace MathForML.DimensionalityReduction;

/// <summary>
/// PCA for N &lt; D (the course's trick): with Z̃ the centred (scaled) N×D data, the N×N matrix G = Z̃Z̃ᵀ/N has the same
/// non-zero eigenvalues as S = Z̃ᵀZ̃/N, and if G·u = λ·u then S·(Z̃ᵀu) = λ·(Z̃ᵀu) with ‖Z̃ᵀu‖² = N·λ. So the components
/// are vᵢ = Z̃ᵀuᵢ / √(N·λᵢ). Cost: N²·D (G) + O(N³) (eigen) + 2·K·N·D (mapping back), instead of N·D² + O(D³).
/// Components for zero eigenvalues (beyond the rank of Z̃, at most N − 1) are completed to an orthonormal set.
/// </summary>
internal static class GramPcaSolver
{
    public static PcaFactors Solve(Matrix x, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale, int k, PcaStages stages = default)
    {
        int n = x.Rows, d = x.Columns;
        var z = PcaCentering.Centered(x, mean, scale);
        var g = new double[n * n];
        Gemm.Multiply<double>(Op.None, Op.Transpose, n, n, d, 1.0 / n, z, d, z, d, 0.0, g, n);
        SymmetrizeLower(g, n);
        stages.ProductDone("gram matrix");
        double total = 0;
        for (int i = 0; i < n; i++) total += g[i * n + i];
        // Every eigenvalue of G, the eigenvectors of the k largest as rows (Uₖᵀ, k×N).
        var (lambda, ut) = SymmetricEigen.LargestToRows(g, n, k, mirrored: true, cancellationToken: stages.Cancellation);
        stages.EigenDone();

        // V = Uₖᵀ·Z̃ (K×D), then row i divided by √(N·λᵢ).
        var components = new double[k * d];
        Gemm.Multiply<double>(Op.None, Op.None, k, d, n, 1.0, ut.AsSpan(0, k * n), n, z, d, 0.0, components, d);
        WorkspacePool.Return(ut);
        double tolerance = Math.Max(lambda[0], 0) * Math.Max(n, d) * 1e-13;
        int rank = 0;
        while (rank < k && lambda[rank] > tolerance) rank++;
        for (int i = 0; i < rank; i++)
        {
            var row = components.AsSpan(i * d, d);
            TensorPrimitives.Multiply(row, 1.0 / Math.Sqrt(n * lambda[i]), row);
            if (SignConvention.NeedsFlip(row)) TensorPrimitives.Negate<double>(row, row);
        }

        for (int i = rank; i < n; i++) lambda[i] = Math.Max(lambda[i], 0);
        PcaCentering.CompleteOrthonormalRows(components, rank, k, d);
        return new PcaFactors(lambda, components, total);
    }

    private static void SymmetrizeLower(double[] g, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                g[j * n + i] = g[i * n + j];
    }
}
