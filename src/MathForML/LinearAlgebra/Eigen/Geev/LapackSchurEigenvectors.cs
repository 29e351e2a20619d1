namespace MathForML.LinearAlgebra.Eigen.Geev;

/// <summary>
/// Right eigenvectors of a real Schur form T whose eigenvalues are all real (T upper triangular), back-transformed by
/// the Schur vectors Z, as LAPACK dtrevc3 (SIDE = 'R', HOWMNY = 'B') computes them: for each k the triangular system
/// (T[0..k−1, 0..k−1] − t_kk·I)·x = −T[0..k−1, k] with x_k = 1, pivots smaller than
/// max(ulp·|t_kk|, smlnum) replaced by that bound (dlaln2), then Z·x scaled so its largest entry has magnitude 1.
/// </summary>
internal static class LapackSchurEigenvectors
{
    /// <summary>Overwrites <paramref name="z"/> (n×n) with Z·X, column k the eigenvector of t_kk.</summary>
    public static void BackTransform(Matrix t, Matrix z, CancellationToken cancellationToken)
    {
        int n = t.Rows;
        if (n == 0) return;
        const double ulp = LapackConstants.Precision;
        double smallNumber = LapackConstants.SafeMinimum * (n / ulp);
        double bigNumber = (1 - ulp) / smallNumber;
        const double solverSmall = 2 * LapackConstants.SafeMinimum;
        const double solverBig = 1 / solverSmall;

        // 1-norms of the strictly upper columns of T, to guard the solve against overflow.
        var columnNorms = new double[n];
        for (int j = 1; j < n; j++)
            for (int i = 0; i < j; i++) columnNorms[j] += Math.Abs(t[i, j]);

        var result = new Matrix(n, n);
        var x = new double[n];
        for (int ki = n - 1; ki >= 0; ki--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double wr = t[ki, ki];
            double smin = Math.Max(ulp * Math.Abs(wr), smallNumber);
            x[ki] = 1;
            for (int k = 0; k < ki; k++) x[k] = -t[k, ki];
            for (int j = ki - 1; j >= 0; j--)
            {
                // dlaln2 for a 1×1 block: x_j = scale·b_j / (t_jj − wr).
                double smini = Math.Max(smin, solverSmall);
                double csr = t[j, j] - wr;
                if (Math.Abs(csr) < smini) csr = smini;
                double scale = 1;
                double bnorm = Math.Abs(x[j]);
                if (Math.Abs(csr) < 1 && bnorm > 1 && bnorm > solverBig * Math.Abs(csr)) scale = 1 / bnorm;
                double xj = x[j] * scale / csr;
                double xnorm = Math.Abs(xj);
                if (xnorm > 1 && columnNorms[j] > bigNumber / xnorm)
                {
                    xj /= xnorm;
                    scale /= xnorm;
                }

                if (scale != 1)
                    for (int k = 0; k <= ki; k++) x[k] *= scale;
                x[j] = xj;
                for (int k = 0; k < j; k++) x[k] -= xj * t[k, j];
            }

            double max = 0;
            for (int r = 0; r < n; r++)
            {
                double sum = 0;
                for (int k = 0; k <= ki; k++) sum += z[r, k] * x[k];
                result[r, ki] = sum;
                max = Math.Max(max, Math.Abs(sum));
            }

            double remax = 1 / max;
            for (int r = 0; r < n; r++) result[r, ki] *= remax;
        }

        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) z[r, c] = result[r, c];
    }
}
