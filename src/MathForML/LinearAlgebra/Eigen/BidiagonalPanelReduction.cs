using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// One panel of the blocked Householder bidiagonalisation: reduces nb rows and columns of the m×n matrix (m ≥ n) and
/// returns the matrices X (m×nb) and Y (n×nb) such that the trailing block is updated afterwards by
/// A₂₂ ← A₂₂ − V·Yᵀ − X·Uᵀ, V and U holding the panel's left and right reflectors (LAPACK dlabrd for m ≥ n;
/// Dongarra, Sorensen and Hammarling, "Block reduction of matrices to condensed forms for eigenvalue computations",
/// J. Comput. Appl. Math. 27, 1989).
/// </summary>
/// <remarks>
/// <para>
/// For panel step j (global column c = start + j), with l &lt; j the panel's earlier steps:
/// the column is brought up to date, A[c.., c] −= Σ_l v_l·y_l[c] + x_l·u_l[c], and its left reflector
/// (v_c, τq) made as in <see cref="HouseholderBidiagonalization"/>; then
/// y_j = τq·(A[c.., c+1..]ᵀ·v − Y·(Vᵀv) − U·(Xᵀv)) over columns c+1…;
/// the row is brought up to date, A[c, c+1..] −= Σ_{l≤j} y_l·v_l[c] + Σ_{l&lt;j} u_l·x_l[c], and its right reflector
/// (u_c, τp) made; then x_j = τp·(A[c+1.., c+1..]·u − V·(Yᵀu) − X·(Uᵀu)) over rows c+1….
/// A[c.., c+1..] is the matrix as the previous panels left it: this panel's updates reach it only through X and Y.
/// The two products with it are the O(mn) steps per column (<see cref="Gemv"/>, every core for large blocks); the rest
/// is O((m + n)·nb) (<see cref="LowRankCorrection"/>, the panel's xGEMV calls).
/// </para>
/// <para>
/// Storage, all row-major and in global indices: v_c is row c of <c>left</c> (rows of m), u_c row c of <c>right</c>
/// (rows of n), x_j row j of <c>x</c> (nb×m) and y_j row j of <c>y</c> (nb×n): the panel's rows of left and x, and of
/// y and right, are the operands of the trailing update's two GEMMs. Row c of A is updated in place (no later step
/// reads it); column c is read but not written back.
/// </para>
/// </remarks>
internal static class BidiagonalPanelReduction
{
    /// <summary>
    /// Reduces rows and columns start … start+nb−1 of the m×n <paramref name="a"/> (requires start + nb ≤ n − 1, m ≥ n),
    /// writing d, e, τq, τp, the reflector rows and the rows of <paramref name="x"/> and <paramref name="y"/>.
    /// <paramref name="column"/> is scratch of length m.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Reduce(double[] a, int m, int n, int start, int nb, double[] diagonal, double[] superDiagonal,
        double[] left, double[] tauQ, double[] right, double[] tauP, double[] x, double[] y, double[] column, KernelPath path)
    {
        var (first, second) = (new double[nb], new double[nb]);
        var panelV = left.AsSpan(start * m);
        var panelU = right.AsSpan(start * n);
        for (int j = 0; j < nb; j++)
        {
            int c = start + j, rows = m - c, width = n - c - 1;

            // Column c brought up to date, then its left reflector.
            for (int r = c; r < m; r++) column[r] = a[r * n + c];
            for (int l = 0; l < j; l++)
            {
                first[l] = y[l * n + c];
                second[l] = panelU[l * n + c];
            }

            LowRankCorrection.Subtract(panelV[c..], m, x.AsSpan(c), m, j, rows, first, second, column.AsSpan(c, rows), path);
            var v = left.AsSpan(c * m, m);
            v[..c].Clear();
            column.AsSpan(c + 1, rows - 1).CopyTo(v[(c + 1)..]);
            diagonal[c] = HouseholderReflector.Generate(column[c], v[(c + 1)..], out tauQ[c]);
            v[c] = 1;

            // y_j over columns c+1 … n−1.
            var yj = y.AsSpan(j * n, n);
            yj.Clear();
            var yTail = yj[(c + 1)..];
            if (tauQ[c] != 0)
            {
                Gemv.Multiply(Op.Transpose, rows, width, 1.0, a.AsSpan(c * n + c + 1), n, v[c..], 0.0, yTail);
                LowRankCorrection.Dots(panelV[c..], m, j, rows, v[c..], first, path);
                LowRankCorrection.Dots(x.AsSpan(c), m, j, rows, v[c..], second, path);
                LowRankCorrection.Subtract(y.AsSpan(c + 1), n, panelU[(c + 1)..], n, j, width, first, second, yTail, path);
                TensorPrimitives.Multiply(yTail, tauQ[c], yTail);
            }

            // Row c brought up to date (v_j[c] = 1 brings in y_j itself), then its right reflector.
            var row = a.AsSpan(c * n + c + 1, width);
            for (int l = 0; l < j; l++)
            {
                first[l] = panelV[l * m + c];
                second[l] = x[l * m + c];
            }

            LowRankCorrection.Subtract(y.AsSpan(c + 1), n, panelU[(c + 1)..], n, j, width, first, second, row, path);
            TensorPrimitives.Subtract(row, yTail, row);
            var u = right.AsSpan(c * n, n);
            u.Clear();
            row[1..].CopyTo(u[(c + 2)..]);
            superDiagonal[c] = HouseholderReflector.Generate(row[0], u[(c + 2)..], out tauP[c]);
            u[c + 1] = 1;

            // x_j over rows c+1 … m−1.
            var xj = x.AsSpan(j * m, m);
            xj.Clear();
            if (tauP[c] == 0) continue;
            var xTail = xj[(c + 1)..];
            var uTail = u[(c + 1)..];
            Gemv.Multiply(Op.None, rows - 1, width, 1.0, a.AsSpan((c + 1) * n + c + 1), n, uTail, 0.0, xTail);
            LowRankCorrection.Dots(y.AsSpan(c + 1), n, j + 1, width, uTail, first, path);
            LowRankCorrection.Dots(panelU[(c + 1)..], n, j, width, uTail, second, path);
            LowRankCorrection.Subtract(panelV[(c + 1)..], m, x.AsSpan(c + 1), m, j, rows - 1, first, second, xTail, path);
            TensorPrimitives.MultiplyAdd(v[(c + 1)..], -first[j], xTail, xTail);
            TensorPrimitives.Multiply(xTail, tauP[c], xTail);
        }
    }
}
