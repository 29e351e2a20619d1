using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Eigenpairs of a rank-one modified diagonal matrix D + ρ·z·zᵀ (d strictly increasing, ρ &gt; 0, all z_j ≠ 0), the
/// merge step of divide and conquer (LAPACK dlaed4 for the roots, dlaed3 for the vectors; Golub and Van Loan, 4th ed.,
/// §8.4.3).
/// </summary>
/// <remarks>
/// <para>
/// The eigenvalues are the roots of the secular equation f(λ) = 1/ρ + Σ_j z_j²/(d_j − λ) = 0, one in each (d_i, d_{i+1})
/// and the last in (d_{K−1}, d_{K−1} + ρ‖z‖²). Each root is found as λ_i = d_o + τ relative to the nearer pole d_o, so the
/// differences d_j − λ_i = (d_j − d_o) − τ keep full relative accuracy. The iteration is safeguarded bisection on a
/// shrinking bracket with the steps of a rational model: between two poles f is modelled by c + s_i/(d_i − λ) +
/// s_{i+1}/(d_{i+1} − λ) matched to f and f′ (dlaed4's "middle way"), beyond the last pole by c + s/(d_{K−1} − λ).
/// </para>
/// <para>
/// Eigenvectors by Gu and Eisenstat's formula (SIAM J. Matrix Anal. Appl. 16, 1995): the computed roots are the exact
/// eigenvalues of D + ρ·ẑ·ẑᵀ with ẑ_j² = (λ_j − d_j)/ρ · Π_{i≠j} (λ_i − d_j)/(d_i − d_j); the eigenvector for λ_i is
/// (ẑ_j/(d_j − λ_i))_j normalised. Built from accurate differences, these vectors are orthogonal to working accuracy
/// however close the roots are. Cost: O(K²) per root iteration and for the vectors.
/// </para>
/// </remarks>
internal static class SecularEquation
{
    private const int MaxIterations = 200;
    private const int ParallelSize = 256;

    /// <summary>
    /// Writes the roots to <paramref name="lambda"/> (K, increasing) and the normalised eigenvectors as the columns of the
    /// K×K row-major <paramref name="u"/> (column i pairs with λ_i).
    /// </summary>
    public static void Solve(ReadOnlySpan<double> d, ReadOnlySpan<double> z, double rho, Span<double> lambda, Span<double> u) =>
        Solve(d, z, rho, lambda, u, KernelPathSelection.Best);

    /// <summary>
    /// <see cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double})"/> with the
    /// kernel path of the pole sums (<see cref="PoleSums"/>) given explicitly (tests force each one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Solve(ReadOnlySpan<double> d, ReadOnlySpan<double> z, double rho, Span<double> lambda, Span<double> u, KernelPath path)
    {
        int k = d.Length;
        if (k == 1)
        {
            lambda[0] = d[0] + rho * z[0] * z[0];
            u[0] = 1;
            return;
        }

        var dArray = d.ToArray();
        var zArray = z.ToArray();
        var (origin, tau) = Roots(dArray, zArray, rho, path);
        for (int i = 0; i < k; i++) lambda[i] = d[origin[i]] + tau[i];

        // Row by row (the rows are independent: large problems split them between two threads): ẑ_j by Löwner's formula
        // from the pole-relative roots, then u[j, i] = ẑ_j/(d_j − λ_i) with d_j − λ_i = (d_j − d_{o_i}) − τ_i.
        var zHat = new double[k];
        var poleOfRoot = new double[k];
        for (int i = 0; i < k; i++) poleOfRoot[i] = dArray[origin[i]];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Rows(int from, int to, Span<double> u)
        {
            for (int j = from; j < to; j++)
            {
                double dj = dArray[j];
                double product = ((poleOfRoot[j] - dj) + tau[j]) / rho
                    * SecularVectorSums.LownerProduct(poleOfRoot.AsSpan(0, j), tau.AsSpan(0, j), dArray.AsSpan(0, j), dj, path)
                    * SecularVectorSums.LownerProduct(poleOfRoot.AsSpan(j + 1), tau.AsSpan(j + 1), dArray.AsSpan(j + 1), dj, path);
                zHat[j] = Math.CopySign(Math.Sqrt(Math.Abs(product)), zArray[j]);
                SecularVectorSums.Ratios(zHat[j], dj, poleOfRoot, tau, u.Slice(j * k, k), path);
            }
        }

        unsafe
        {
            fixed (double* pu = u)
            {
                // Spans cannot cross into the lambdas of KernelTeam.Invoke; the pinned pointers can (the spans outlive it).
                nint au = (nint)pu;
                int length = u.Length;
                if (k >= ParallelSize)
                    KernelTeam.Invoke(() => Rows(0, k / 2, new Span<double>((double*)au, length)), () => Rows(k / 2, k, new Span<double>((double*)au, length)));
                else
                    Rows(0, k, u);
            }
        }

        // The columns' squared norms summed in row order, then each column scaled to unit length.
        var norm = new double[k];
        for (int j = 0; j < k; j++) TensorPrimitives.MultiplyAdd(u.Slice(j * k, k), u.Slice(j * k, k), norm, norm);
        for (int i = 0; i < k; i++) norm[i] = 1 / Math.Sqrt(norm[i]);
        for (int j = 0; j < k; j++) TensorPrimitives.Multiply(u.Slice(j * k, k), norm, u.Slice(j * k, k));
    }

    /// <summary>
    /// The roots of the secular equation, as <see cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double})"/>
    /// finds them, and instead of the K×K eigenvector matrix only two rows of the new eigenvectors: with the old rows
    /// <paramref name="first"/> and <paramref name="last"/> (f and l, K each) and the normalised eigenvector u_i of λ_i,
    /// <paramref name="newFirst"/>[i] = Σ_j f_j·u_ji and <paramref name="newLast"/>[i] = Σ_j l_j·u_ji. This is all the
    /// values-only divide and conquer carries up the tree (the first and last rows of each block's eigenvectors), in
    /// O(K²) time and O(K) space: ẑ by Löwner's formula row by row, then each root's two sums and norm in one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SolveBoundaryRows(ReadOnlySpan<double> d, ReadOnlySpan<double> z, double rho, ReadOnlySpan<double> first,
        ReadOnlySpan<double> last, Span<double> lambda, Span<double> newFirst, Span<double> newLast, KernelPath path)
    {
        int k = d.Length;
        if (k == 1)
        {
            lambda[0] = d[0] + rho * z[0] * z[0];
            newFirst[0] = first[0];
            newLast[0] = last[0];
            return;
        }

        var dArray = d.ToArray();
        var zArray = z.ToArray();
        var (origin, tau) = Roots(dArray, zArray, rho, path);
        var poleOfRoot = new double[k];
        for (int i = 0; i < k; i++)
        {
            poleOfRoot[i] = dArray[origin[i]];
            lambda[i] = poleOfRoot[i] + tau[i];
        }

        // ẑ_j² = (λ_j − d_j)/ρ · Π_{i≠j} (λ_i − d_j)/(d_i − d_j), the product in two ranges around i = j.
        var zHat = new double[k];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Lowner(int from, int to)
        {
            for (int j = from; j < to; j++)
            {
                double dj = dArray[j];
                double product = ((poleOfRoot[j] - dj) + tau[j]) / rho
                    * SecularVectorSums.LownerProduct(poleOfRoot.AsSpan(0, j), tau.AsSpan(0, j), dArray.AsSpan(0, j), dj, path)
                    * SecularVectorSums.LownerProduct(poleOfRoot.AsSpan(j + 1), tau.AsSpan(j + 1), dArray.AsSpan(j + 1), dj, path);
                zHat[j] = Math.CopySign(Math.Sqrt(Math.Abs(product)), zArray[j]);
            }
        }

        var f = first[..k].ToArray();
        var l = last[..k].ToArray();
        var rowFirst = new double[k];
        var rowLast = new double[k];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Rows(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                var (sf, sl, sn) = SecularVectorSums.BoundarySums(zHat, dArray, f, l, poleOfRoot[i], tau[i], path);
                double scale = 1 / Math.Sqrt(sn);
                rowFirst[i] = sf * scale;
                rowLast[i] = sl * scale;
            }
        }

        Split(k, Lowner);
        Split(k, Rows);
        rowFirst.CopyTo(newFirst);
        rowLast.CopyTo(newLast);
    }

    /// <summary>The secular equation's K roots as (pole o_i, τ_i) with λ_i = d_{o_i} + τ_i, split between two threads from <see cref="ParallelSize"/>.</summary>
    private static (int[] Origin, double[] Tau) Roots(double[] d, double[] z, double rho, KernelPath path)
    {
        int k = d.Length;
        double zNorm2 = 0;
        for (int j = 0; j < k; j++) zNorm2 += z[j] * z[j];
        var origin = new int[k];
        var tau = new double[k];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Range(int from, int to)
        {
            var delta = new double[k];
            for (int i = from; i < to; i++) (origin[i], tau[i]) = FindRoot(d, z, rho, zNorm2, i, delta, path);
        }

        // The roots are independent: large problems split them between two threads (one fork per merge).
        Split(k, Range);
        return (origin, tau);
    }

    /// <summary>Runs body(0, k) on this thread, or from <see cref="ParallelSize"/> its two halves on two.</summary>
    private static void Split(int k, Action<int, int> body)
    {
        if (k >= ParallelSize) KernelTeam.Invoke(() => body(0, k / 2), () => body(k / 2, k));
        else body(0, k);
    }

    /// <summary>Root i as (origin pole o, τ) with λ_i = d_o + τ; <paramref name="delta"/> is workspace (K).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Origin, double Tau) FindRoot(ReadOnlySpan<double> d, ReadOnlySpan<double> z, double rho, double zNorm2,
        int i, Span<double> delta, KernelPath path)
    {
        int k = d.Length;
        bool last = i == k - 1;
        int o;
        double lo, hi, t;
        if (last)
        {
            o = i;
            lo = 0;
            hi = rho * zNorm2;
            t = 0.5 * hi;
        }
        else
        {
            // f at the midpoint of (d_i, d_{i+1}) says which pole the root is nearer (its origin). The first guess is
            // dlaed4's: the root of c + z_i²/(d_i − λ) + z_{i+1}²/(d_{i+1} − λ) with c the rest of f at the midpoint,
            // from the quadratic c·τ² − a·τ + b = 0 in its cancellation-free form.
            double gap = d[i + 1] - d[i];
            double mid = 0.5 * gap;
            TensorPrimitives.Subtract(d, d[i], delta);
            double fMid = (1 / rho) + PoleSums.Compute(z, delta, mid, path).Sum;
            double zi2 = z[i] * z[i], zj2 = z[i + 1] * z[i + 1];
            double c = fMid + (zi2 / mid) - (zj2 / mid);
            if (fMid >= 0)
            {
                o = i;
                lo = 0;
                hi = mid;
                double a = (c * gap) + zi2 + zj2, b = zi2 * gap;
                double root = Math.Sqrt(Math.Abs((a * a) - (4 * b * c)));
                t = a > 0 ? 2 * b / (a + root) : (a - root) / (2 * c);
            }
            else
            {
                o = i + 1;
                lo = -mid;
                hi = 0;
                double a = (c * gap) - zi2 - zj2, b = zj2 * gap;
                double root = Math.Sqrt(Math.Abs((a * a) + (4 * b * c)));
                t = a < 0 ? 2 * b / (a - root) : -(a + root) / (2 * c);
            }

            if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
        }

        if (last || o != i) TensorPrimitives.Subtract(d, d[o], delta);
        // Poles 0..left form ψ, the rest φ; the root lies just right of pole `left` (i).
        int left = i;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (psi, dPsi) = PoleSums.Compute(z[..(left + 1)], delta[..(left + 1)], t, path);
            var (phi, dPhi) = PoleSums.Compute(z[(left + 1)..], delta[(left + 1)..], t, path);

            double f = 1 / rho + psi + phi;
            double error = 8 * (1 / rho + Math.Abs(psi) + Math.Abs(phi)) + Math.Abs(t) * (dPsi + dPhi);
            if (Math.Abs(f) <= MachineEpsilon.Double * error) break;
            if (f < 0) lo = t;
            else hi = t;
            if (hi - lo <= 2 * MachineEpsilon.Double * Math.Max(Math.Abs(lo), Math.Abs(hi))) break;

            double next = double.NaN;
            double dl = delta[left] - t;
            if (last)
            {
                double fPrime = dPsi + dPhi;
                double c = f - dl * fPrime;
                if (c != 0) next = t + dl + dl * dl * fPrime / c;
            }
            else
            {
                double dr = delta[left + 1] - t;
                double c = f - dl * dPsi - dr * dPhi;
                double b = c * (dl + dr) + dl * dl * dPsi + dr * dr * dPhi;
                double c0 = dl * dr * f;
                double discriminant = b * b - 4 * c * c0;
                if (discriminant >= 0)
                {
                    double q = 0.5 * (b + Math.CopySign(Math.Sqrt(discriminant), b));
                    double eta1 = c != 0 ? q / c : double.NaN;
                    double eta2 = q != 0 ? c0 / q : double.NaN;
                    if (eta1 > dl && eta1 < dr) next = t + eta1;
                    else if (eta2 > dl && eta2 < dr) next = t + eta2;
                }
            }

            t = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }

        return (o, t);
    }
}
