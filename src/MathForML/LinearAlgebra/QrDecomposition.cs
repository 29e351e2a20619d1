using System.Numerics.Tensors;

namespace MathForML.LinearAlgebra;

/// <summary>
/// QR decomposition by Householder reflections, A = QR, for any m×n matrix A; the thin factors are
/// Q (m×k, orthonormal columns) and R (k×n, upper triangular) with k = min(m, n).
/// </summary>
/// <remarks>
/// Step j reflects column j below the diagonal onto a multiple of e₁ with H = I − τvvᵀ, v₀ = 1, chosen so the new
/// diagonal entry is −sign(aⱼⱼ)‖x‖ (no cancellation); H is applied to the trailing columns as a rank-1 update
/// A ← A − τv(vᵀA) computed row by row on contiguous memory. Cost 2mn² − ⅔n³ flops. Unlike Gram–Schmidt, Q is
/// orthonormal to machine precision whatever the conditioning of A.
/// Reference: Golub &amp; Van Loan, Matrix Computations (4th ed.) §5.1–5.2; LAPACK dgeqr2/dlarfg/dorg2r.
/// </remarks>
public sealed class QrDecomposition
{
    private readonly Matrix _qr;        // R on and above the diagonal, Householder vectors below
    private readonly double[] _tau;

    private QrDecomposition(Matrix qr, double[] tau)
    {
        _qr = qr;
        _tau = tau;
    }

    /// <summary>Factors <paramref name="a"/>.</summary>
    public static QrDecomposition Decompose(Matrix a)
    {
        RowEchelon.RequireFinite(a, nameof(a));
        var qr = a.Clone();
        int m = qr.Rows, n = qr.Columns, k = Math.Min(m, n);
        var tau = new double[k];
        var w = new double[n];
        for (int j = 0; j < k; j++)
        {
            double alpha = qr[j, j];
            double sigma = 0;
            for (int i = j + 1; i < m; i++) sigma += qr[i, j] * qr[i, j];
            if (sigma == 0) { tau[j] = 0; continue; }
            double norm = Math.Sqrt(alpha * alpha + sigma);
            double beta = alpha <= 0 ? norm : -norm;
            tau[j] = (beta - alpha) / beta;
            double scale = 1.0 / (alpha - beta);
            for (int i = j + 1; i < m; i++) qr[i, j] *= scale;
            qr[j, j] = beta;
            ApplyReflector(qr, j, j + 1, n, tau[j], w);
        }
        return new QrDecomposition(qr, tau);
    }

    /// <summary>Rows m of A.</summary>
    public int Rows => _qr.Rows;

    /// <summary>Columns n of A.</summary>
    public int Columns => _qr.Columns;

    /// <summary>The thin upper-triangular factor R (min(m, n)×n).</summary>
    public Matrix R
    {
        get
        {
            int k = Math.Min(Rows, Columns);
            var r = new Matrix(k, Columns);
            for (int i = 0; i < k; i++)
                for (int j = i; j < Columns; j++) r[i, j] = _qr[i, j];
            return r;
        }
    }

    /// <summary>The thin orthonormal factor Q (m×min(m, n)), accumulated from the reflectors: Q = H₀H₁⋯ applied to [I; 0].</summary>
    public Matrix Q
    {
        get
        {
            int m = Rows, k = Math.Min(Rows, Columns);
            var q = new Matrix(m, k);
            for (int i = 0; i < k; i++) q[i, i] = 1;
            var w = new double[k];
            for (int j = k - 1; j >= 0; j--)
                ApplyReflectorTo(q, j, _qr, j, _tau[j], 0, k, w);
            return q;
        }
    }

    /// <summary>True when some |rⱼⱼ| ≤ max(m, n)·ε·max|R|: A's columns are (numerically) dependent.</summary>
    public bool IsRankDeficient => FirstSmallDiagonal() >= 0;

    /// <summary>
    /// The least-squares solution of Ax ≈ b (exact when A is square and invertible): minimises ‖Ax − b‖₂ through
    /// Rx = Qᵀb. Needs m ≥ n and independent columns, otherwise throws <see cref="SingularMatrixException"/>.
    /// </summary>
    public Vector Solve(Vector b)
    {
        if (b.Length != Rows)
            throw new DimensionMismatchException($"Right-hand side has {b.Length} entries, A has {Rows} rows.", nameof(b));
        if (Rows < Columns)
            throw new DimensionMismatchException($"Least squares needs at least as many rows as columns; A is {Rows}×{Columns}.", nameof(b));
        int bad = FirstSmallDiagonal();
        if (bad >= 0) throw new SingularMatrixException(bad);
        var y = b.ToArray();
        for (int j = 0; j < Columns; j++)
        {
            // y ← Hⱼy = y − τ v (vᵀy), v = [1, qr[j+1.., j]].
            double dot = y[j];
            for (int i = j + 1; i < Rows; i++) dot += _qr[i, j] * y[i];
            dot *= _tau[j];
            y[j] -= dot;
            for (int i = j + 1; i < Rows; i++) y[i] -= dot * _qr[i, j];
        }
        var x = new double[Columns];
        for (int i = Columns - 1; i >= 0; i--)
        {
            var row = _qr.RowSpan(i);
            x[i] = (y[i] - TensorPrimitives.Dot<double>(row[(i + 1)..Columns], x.AsSpan(i + 1))) / row[i];
        }
        return Vector.Wrap(x);
    }

    private int FirstSmallDiagonal()
    {
        int k = Math.Min(Rows, Columns);
        double max = 0;
        for (int i = 0; i < k; i++)
            for (int j = i; j < Columns; j++) max = Math.Max(max, Math.Abs(_qr[i, j]));
        double tol = Math.Max(Rows, Columns) * RowEchelon.MachineEpsilon * max;
        for (int i = 0; i < k; i++)
            if (Math.Abs(_qr[i, i]) <= tol) return i;
        return -1;
    }

    /// <summary>Applies Hⱼ (vector stored in column j of <paramref name="qr"/> below row j) to columns [c0, c1) of rows j.. of qr itself.</summary>
    private static void ApplyReflector(Matrix qr, int j, int c0, int c1, double tau, double[] w) =>
        ApplyReflectorTo(qr, j, qr, j, tau, c0, c1, w);

    /// <summary>target[rows j.., cols c0..c1) ← (I − τvvᵀ)·target, with v = [1; source[j+1.., col]].</summary>
    private static void ApplyReflectorTo(Matrix target, int j, Matrix source, int col, double tau, int c0, int c1, double[] w)
    {
        if (tau == 0 || c1 <= c0) return;
        int width = c1 - c0;
        var acc = w.AsSpan(0, width);
        target.RowSpan(j).Slice(c0, width).CopyTo(acc);
        for (int i = j + 1; i < target.Rows; i++)
        {
            double vi = source[i, col];
            if (vi != 0) TensorPrimitives.MultiplyAdd(target.RowSpan(i).Slice(c0, width), vi, acc, acc);
        }
        TensorPrimitives.Multiply(acc, -tau, acc);
        var rowJ = target.RowSpan(j).Slice(c0, width);
        TensorPrimitives.Add(rowJ, acc, rowJ);
        for (int i = j + 1; i < target.Rows; i++)
        {
            double vi = source[i, col];
            if (vi == 0) continue;
            var row = target.RowSpan(i).Slice(c0, width);
            TensorPrimitives.MultiplyAdd(acc, vi, row, row);
        }
    }
}
