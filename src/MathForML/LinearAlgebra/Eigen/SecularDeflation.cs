using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The deflation step of a divide-and-conquer merge (LAPACK dlaed2; Golub and Van Loan, 4th ed., §8.4.4): which poles
/// of D + ρ·z·zᵀ go on to the secular equation and which are eigenvalues already.
/// </summary>
/// <remarks>
/// With tol = 8ε·max(max|d|, max|z|): a pole with ρ|z_j| ≤ tol keeps its value; two neighbouring poles closer than
/// tol/|cs| are combined by a plane rotation (c, s) that zeroes the earlier one's z component, which then deflates with
/// the rotated value. The caller applies each rotation to what it carries for the poles' columns — the whole
/// eigenvector columns (<see cref="TridiagonalDivideConquer"/>) or their two end rows
/// (<see cref="TridiagonalDivideConquerValues"/>).
/// </remarks>
internal static class SecularDeflation
{
    /// <summary>
    /// Deflates the sorted poles <paramref name="ds"/> (ascending; pole t belongs to column <paramref name="column"/>[t])
    /// with z components <paramref name="zs"/>: writes each deflated pole's eigenvalue to d[column[t]], updates ds and zs
    /// for the rotations, calls <paramref name="rotate"/>(x, y, c, s) for each rotation of columns x and y
    /// ((x, y) ← (c·x + s·y, c·y − s·x)), and returns the sorted indices t of the poles kept.
    /// </summary>
    public static List<int> Deflate(double[] d, double[] ds, double[] zs, int[] column, double rho, Action<int, int, double, double> rotate)
    {
        int size = ds.Length;
        double zMax = 0, dMax = 0;
        for (int t = 0; t < size; t++)
        {
            zMax = Math.Max(zMax, Math.Abs(zs[t]));
            dMax = Math.Max(dMax, Math.Abs(ds[t]));
        }

        double tol = 8 * MachineEpsilon.Double * Math.Max(dMax, zMax);
        var kept = new List<int>(size);
        int previous = -1;
        for (int t = 0; t < size; t++)
        {
            if (rho * Math.Abs(zs[t]) <= tol)
            {
                d[column[t]] = ds[t];
                continue;
            }

            if (previous < 0)
            {
                previous = t;
                continue;
            }

            double s = zs[previous], c = zs[t];
            double r = Math.Sqrt((s * s) + (c * c));
            c /= r;
            s = -s / r;
            if (Math.Abs((ds[t] - ds[previous]) * c * s) <= tol)
            {
                // Rotate so that pole `previous` loses its z component and deflates.
                zs[t] = r;
                zs[previous] = 0;
                rotate(column[previous], column[t], c, s);
                double dp = ds[previous], dt = ds[t];
                ds[previous] = (dp * c * c) + (dt * s * s);
                ds[t] = (dp * s * s) + (dt * c * c);
                d[column[previous]] = ds[previous];
            }
            else
            {
                kept.Add(previous);
            }

            previous = t;
        }

        if (previous >= 0) kept.Add(previous);
        return kept;
    }
}
