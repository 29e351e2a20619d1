using System.Runtime.CompilerServices;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// T − λI = P·L·U for a symmetric tridiagonal T, by Gaussian elimination with partial pivoting (LAPACK dlagtf), and
/// the solve of (T − λI)·x = y with tiny pivots perturbed (dlagts, job −1): the inner step of inverse iteration
/// (<see cref="TridiagonalInverseIteration"/>), where λ is an eigenvalue and T − λI is singular to working precision.
/// </summary>
/// <remarks>
/// U is upper triangular with three diagonals: <c>a</c> (its diagonal), <c>b</c> (first super-diagonal) and <c>d</c>
/// (second, the fill-in of row interchanges); L is unit lower bidiagonal with multipliers <c>c</c>, and
/// <c>interchanged[k]</c> says whether rows k and k + 1 were swapped at step k (dlagtf chooses the pivot by
/// |c_k|/‖row k+1‖ against |a_k|/‖row k‖, rows scaled by their 1-norms). In the back substitution a diagonal entry of U
/// smaller than the safe minimum, or one that would let the quotient overflow, is moved away from zero by ±tol,
/// doubling until it is safe, where tol = ε·max |entry of U| (dlagts's default); the result is then the solution for
/// a matrix within tol of T − λI, which is all inverse iteration needs.
/// </remarks>
internal sealed class TridiagonalLu
{
    private readonly double[] a, b, c, d;
    private readonly bool[] interchanged;
    private double tolerance;

    /// <summary>Workspace for blocks of order <paramref name="capacity"/> or less.</summary>
    public TridiagonalLu(int capacity)
    {
        a = new double[capacity];
        b = new double[capacity];
        c = new double[capacity];
        d = new double[capacity];
        interchanged = new bool[capacity];
    }

    /// <summary>The order of the factored matrix.</summary>
    public int Order { get; private set; }

    /// <summary>U's last diagonal entry: near zero when λ is close to an eigenvalue.</summary>
    public double LastPivot => a[Order - 1];

    /// <summary>Factors T − λI for T with <paramref name="diagonal"/> (m) and <paramref name="offDiagonal"/> (m − 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal, double lambda)
    {
        int m = diagonal.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, a.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        Order = m;
        for (int i = 0; i < m; i++) a[i] = diagonal[i] - lambda;
        offDiagonal[..(m - 1)].CopyTo(b);
        offDiagonal[..(m - 1)].CopyTo(c);
        Array.Clear(d, 0, m);
        Array.Clear(interchanged, 0, m);
        double scale1 = Math.Abs(a[0]) + (m > 1 ? Math.Abs(b[0]) : 0);
        for (int k = 0; k < m - 1; k++)
        {
            double scale2 = Math.Abs(c[k]) + Math.Abs(a[k + 1]) + (k < m - 2 ? Math.Abs(b[k + 1]) : 0);
            double pivot1 = a[k] == 0 ? 0 : Math.Abs(a[k]) / scale1;
            if (c[k] == 0)
            {
                scale1 = scale2;
                continue;
            }

            double pivot2 = Math.Abs(c[k]) / scale2;
            if (pivot2 <= pivot1)
            {
                scale1 = scale2;
                c[k] /= a[k];
                a[k + 1] -= c[k] * b[k];
            }
            else
            {
                interchanged[k] = true;
                double multiplier = a[k] / c[k];
                a[k] = c[k];
                double next = a[k + 1];
                a[k + 1] = b[k] - multiplier * next;
                if (k < m - 2)
                {
                    d[k] = b[k + 1];
                    b[k + 1] = -multiplier * d[k];
                }
                b[k] = next;
                c[k] = multiplier;
            }
        }

        // dlagts's default tolerance: ε times the largest entry of U.
        double largest = 0;
        for (int k = 0; k < m; k++)
        {
            largest = Math.Max(largest, Math.Abs(a[k]));
            if (k < m - 1) largest = Math.Max(largest, Math.Abs(b[k]));
            if (k < m - 2) largest = Math.Max(largest, Math.Abs(d[k]));
        }
        tolerance = largest * (MachineEpsilon.Double / 2);
        if (tolerance == 0) tolerance = MachineEpsilon.Double / 2;
    }

    /// <summary>Overwrites <paramref name="y"/> (length <see cref="Order"/>) with the solution x of (T − λI)·x = y, tiny pivots perturbed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(Span<double> y)
    {
        int m = Order;
        double safeMinimum = Math.ScaleB(1.0, -1022);
        double big = 1 / safeMinimum;
        for (int k = 1; k < m; k++)
        {
            if (!interchanged[k - 1])
            {
                y[k] -= c[k - 1] * y[k - 1];
            }
            else
            {
                double t = y[k - 1];
                y[k - 1] = y[k];
                y[k] = t - c[k - 1] * y[k];
            }
        }

        for (int k = m - 1; k >= 0; k--)
        {
            double t = y[k];
            if (k <= m - 2) t -= b[k] * y[k + 1];
            if (k <= m - 3) t -= d[k] * y[k + 2];
            double ak = a[k];
            double perturbation = Math.CopySign(tolerance, ak);
            while (true)
            {
                double magnitude = Math.Abs(ak);
                if (magnitude >= 1) break;
                if (magnitude < safeMinimum)
                {
                    if (magnitude == 0 || Math.Abs(t) * safeMinimum > magnitude)
                    {
                        ak += perturbation;
                        perturbation *= 2;
                        continue;
                    }
                    t *= big;
                    ak *= big;
                    break;
                }
                if (Math.Abs(t) > magnitude * big)
                {
                    ak += perturbation;
                    perturbation *= 2;
                    continue;
                }
                break;
            }
            y[k] = t / ak;
        }
    }
}
