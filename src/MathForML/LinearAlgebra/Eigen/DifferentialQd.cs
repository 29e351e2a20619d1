using System.Runtime.CompilerServices;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// Singular values of an upper bidiagonal matrix by the differential quotient-difference algorithm with shifts, dqds
/// (Fernando and Parlett, "Accurate singular values and differential qd algorithms", Numer. Math. 67, 1994; Parlett and
/// Marques, "An implementation of the dqds algorithm (positive case)", LAA 309, 2000; LAPACK dlasq1–dlasq6): the
/// values-only path of <see cref="BidiagonalSvd"/>.
/// </summary>
/// <remarks>
/// <para>
/// B (diagonal d, super-diagonal e) is held as the qd array q_i = d_i², e_i = e_i²: the Cholesky-like factors of BBᵀ.
/// One dqds step with shift τ maps (q, e) to (q̂, ê) with the eigenvalues of BBᵀ all lowered by τ:
/// <code>
/// d = q_0 − τ
/// for i = 0 … n−2:  q̂_i = d + e_i;  t = q_{i+1}/q̂_i;  ê_i = e_i·t;  d = d·t − τ
/// q̂_{n−1} = d
/// </code>
/// No subtraction but the shift's, so every entry keeps high relative accuracy: the values come out to a few ulps
/// relative to each σ, not only relative to σ_max. A shift is accepted when every d stays ≥ 0 (τ below the smallest
/// eigenvalue); the total shift σ is added back when an eigenvalue deflates, at the bottom once e_{n−2} ≤ tol²·(σ + q_{n−1})
/// (tol = 100ε), or as a 2×2 block solved directly. Shifts follow dlasq4's main cases: from the bottom 2×2 when the
/// smallest d is at the bottom (Gershgorin and Rayleigh-quotient bounds on the trailing eigenvalue), else a fraction of
/// the smallest d; a rejected shift is retried at the failure's own bound (τ + d_min, when only the last d went
/// negative) or at a quarter, and after repeated failures with τ = 0 (dqd, which never fails). Blocks split where an
/// e_i becomes negligible (Li's test). A block whose small end is at the top is reversed first (dqds finds the smallest
/// eigenvalues at the bottom, like QR). Cost: O(n²), each transform 5 flops and one division per entry; about 4
/// transforms per value on small and graded matrices and 11–12 on random bidiagonals of order 784–2000, where LAPACK's
/// dlasq1 takes 14.6, 22 and 78 ms against 16, 27 and 98 ms here (the Xeon of the benchmarks' README).
/// </para>
/// </remarks>
internal static class DifferentialQd
{
    /// <summary>Transforms allowed per value before giving up (dlasq2 allows 100 per value of a block).</summary>
    private const int StepsPerValue = 100;

    private const double Tolerance = 100 * (MachineEpsilon.Double / 2);
    private const double Tolerance2 = Tolerance * Tolerance;

    /// <summary>The singular values of the n×n upper bidiagonal (d, e), descending, each ≥ 0.</summary>
    /// <exception cref="InvalidOperationException">The iteration did not converge (not seen in practice).</exception>
    public static double[] SingularValues(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n) => SingularValues(d, e, n, out _);

    /// <summary>As <see cref="SingularValues(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>, also giving the number of dqds transforms made.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] SingularValues(ReadOnlySpan<double> d, ReadOnlySpan<double> e, int n, out int transforms)
    {
        transforms = 0;
        var sigma = new double[n];
        if (n == 0) return sigma;
        double max = 0;
        for (int i = 0; i < n; i++) max = Math.Max(max, Math.Abs(d[i]));
        for (int i = 0; i < n - 1; i++) max = Math.Max(max, Math.Abs(e[i]));
        if (max == 0) return sigma;
        if (!double.IsFinite(max)) throw new ArgumentException("The bidiagonal has an entry that is not finite.", nameof(d));

        // Scale by a power of two so that the largest entry is in [1, 2): the squares neither overflow nor underflow
        // for any entry that could matter at ε·σ_max.
        int exponent = -Math.ILogB(max);
        var q = new double[n];
        var ee = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = Math.ScaleB(d[i], exponent);
            q[i] = x * x;
        }

        for (int i = 0; i < n - 1; i++)
        {
            double x = Math.ScaleB(e[i], exponent);
            ee[i] = x * x;
        }

        var solver = new Solver(q, ee, n);
        solver.Run();
        transforms = solver.Transforms;
        var values = solver.Values;
        Array.Sort(values);
        for (int i = 0; i < n; i++) sigma[i] = Math.ScaleB(Math.Sqrt(Math.Max(values[n - 1 - i], 0)), -exponent);
        return sigma;
    }

    /// <summary>The iteration's state: the current qd array, a second one for the next transform, the eigenvalues found.</summary>
    private sealed class Solver(double[] q, double[] e, int n)
    {
        private readonly double[] q = q, e = e, qNext = new double[n], eNext = new double[n];
        private readonly Stack<(int Lo, int Hi, double Shift)> blocks = new();
        private int found;

        public double[] Values { get; } = new double[n];

        public int Transforms { get; private set; }

        public void Run()
        {
            SplitAll(0, n, 0);
            while (blocks.Count > 0)
            {
                var (lo, hi, shift) = blocks.Pop();
                Block(lo, hi, shift);
            }

            if (found != n) throw new InvalidOperationException($"dqds found {found} of {n} values.");
        }

        /// <summary>Pushes the unreduced blocks of [lo, hi), each with total shift <paramref name="shift"/>, cutting where e_i is negligible (Li's test).</summary>
        private void SplitAll(int lo, int hi, double shift)
        {
            int start = lo;
            double d = q[lo];
            for (int i = lo; i < hi - 1; i++)
            {
                if (e[i] <= Tolerance2 * d || e[i] <= Tolerance2 * shift)
                {
                    e[i] = 0;
                    blocks.Push((start, i + 1, shift));
                    start = i + 1;
                    d = q[i + 1];
                }
                else
                {
                    d = q[i + 1] * (d / (d + e[i]));
                }
            }

            blocks.Push((start, hi, shift));
        }

        private void Emit(double value) => Values[found++] = value;

        /// <summary>Finds every eigenvalue of the block [lo, hi) whose eigenvalues are σ + those of its qd array.</summary>
        private void Block(int lo, int hi, double sigma)
        {
            if (hi - lo >= 3 && 1.5 * q[lo] < q[hi - 1]) Reverse(lo, hi);
            var shifts = new DifferentialQdShift();
            int budget = StepsPerValue * (hi - lo);
            int deflated = 0;
            while (true)
            {
                int m = hi - lo;
                if (m == 0) return;
                if (m == 1)
                {
                    Emit(q[lo] + sigma);
                    return;
                }

                if (m == 2)
                {
                    EmitTwo(q[lo], e[lo], q[lo + 1], sigma);
                    return;
                }

                // Deflation at the bottom: one value, then a 2×2 block.
                if (e[hi - 2] <= Tolerance2 * (sigma + q[hi - 1]))
                {
                    Emit(q[hi - 1] + sigma);
                    hi--;
                    deflated++;
                    continue;
                }

                if (e[hi - 3] <= Tolerance2 * sigma || e[hi - 3] <= Tolerance2 * q[hi - 3])
                {
                    EmitTwo(q[hi - 2], e[hi - 2], q[hi - 1], sigma);
                    e[hi - 3] = 0;
                    hi -= 2;
                    deflated += 2;
                    continue;
                }

                if (deflated > 0 && 1.5 * q[lo] < q[hi - 1])
                {
                    Reverse(lo, hi);
                    shifts.Reset();
                }

                if (--budget < 0) throw new InvalidOperationException($"dqds did not converge on a block of {m} values.");
                double tau = shifts.Choose(q, e, lo, hi, deflated);
                deflated = 0;
                int failures = 0;
                while (true)
                {
                    Transforms++;
                    var outcome = Transform(lo, hi, tau, ref shifts);
                    if (outcome == Outcome.Accepted) break;
                    failures++;
                    // A failure only at the last d bounds the smallest eigenvalue from below: τ + d_min, less a hair.
                    tau = failures >= 3 ? 0 : outcome == Outcome.LateFailure ? (tau + shifts.DMin) * (1 - (4 * MachineEpsilon.Double)) : 0.25 * tau;
                    if (tau <= 0) tau = 0;
                }

                // The other blocks waiting on the stack live in the current arrays, so the transform is copied back.
                Array.Copy(qNext, lo, q, lo, hi - lo);
                Array.Copy(eNext, lo, e, lo, hi - lo - 1);
                sigma += tau;
                if (shifts.EMin <= Tolerance2 * Math.Max(sigma, shifts.QMax) && hi - lo >= 4)
                {
                    // Negligible interior e: split, handing the upper blocks back to the stack.
                    int cut = lo;
                    // (The bottom two e's are left to the deflation tests, which keep the shift history.)
                    for (int i = lo; i < hi - 3; i++)
                    {
                        if (e[i] <= Tolerance2 * q[i] || e[i] <= Tolerance2 * sigma)
                        {
                            e[i] = 0;
                            blocks.Push((cut, i + 1, sigma));
                            cut = i + 1;
                        }
                    }

                    lo = cut;
                }
            }
        }

        /// <summary>The two eigenvalues of the 2×2 qd block (q0, e0, q1), plus σ (dlasq2's 2×2 case: λ₁ + λ₂ = q0 + e0 + q1, λ₁λ₂ = q0·q1).</summary>
        private void EmitTwo(double q0, double e0, double q1, double sigma)
        {
            if (q1 > q0) (q0, q1) = (q1, q0);
            if (e0 > q1 * Tolerance2)
            {
                double t = 0.5 * ((q0 - q1) + e0);
                double s = q1 * (e0 / t);
                s = s <= t ? q1 * (e0 / (t * (1 + Math.Sqrt(1 + (s / t))))) : q1 * (e0 / (t + (Math.Sqrt(t) * Math.Sqrt(t + s))));
                t = q0 + (s + e0);
                q1 *= q0 / t;
                q0 = t;
            }

            Emit(q0 + sigma);
            Emit(q1 + sigma);
        }

        private enum Outcome
        {
            Accepted,
            LateFailure,
            Failure,
        }

        /// <summary>
        /// One dqds transform of [lo, hi) (at least three entries) with shift τ into the next arrays, recording the d's the
        /// shift strategy needs: d_min over all, over all but the last (d_min1) and all but the last two (d_min2), and the
        /// last three d's (dn2, dn1, dn).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Outcome Transform(int lo, int hi, double tau, ref DifferentialQdShift s)
        {
            double[] qi = q, ei = e, qo = qNext, eo = eNext;
            int last = hi - 1;
            double d = qi[lo] - tau;
            if (d < 0) return Outcome.Failure;
            double dMin = d, eMin = double.MaxValue, qMax = 0;
            for (int i = lo; i < last - 2; i++)
            {
                if (Step(qi, ei, qo, eo, i, ref d, tau, ref eMin, ref qMax) < 0) return Outcome.Failure;
                dMin = Math.Min(dMin, d);
            }

            double dn2 = d, dMin2 = dMin;
            double dn1 = Step(qi, ei, qo, eo, last - 2, ref d, tau, ref eMin, ref qMax);
            if (dn1 < 0) return Outcome.Failure;
            double dMin1 = Math.Min(dMin2, dn1);
            double dn = Step(qi, ei, qo, eo, last - 1, ref d, tau, ref eMin, ref qMax);
            qo[last] = dn;
            eo[last] = 0;
            if (dn < 0)
            {
                s.DMin = dn;
                return Outcome.LateFailure;
            }

            (s.DN, s.DN1, s.DN2) = (dn, dn1, dn2);
            (s.DMin, s.DMin1, s.DMin2) = (Math.Min(dMin1, dn), dMin1, dMin2);
            s.EMin = eMin;
            s.QMax = Math.Max(qMax, dn);
            return Outcome.Accepted;
        }

        /// <summary>The transform's step at entry i: q̂_i, ê_i, and the next d, returned.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Step(double[] qi, double[] ei, double[] qo, double[] eo, int i, ref double d, double tau, ref double eMin, ref double qMax)
        {
            double qh = d + ei[i];
            double t = qi[i + 1] / qh;
            qo[i] = qh;
            eo[i] = ei[i] * t;
            eMin = Math.Min(eMin, eo[i]);
            qMax = Math.Max(qMax, qh);
            d = (d * t) - tau;
            return d;
        }

        /// <summary>Reverses the block [lo, hi): the same singular values, with its small end now at the bottom.</summary>
        private void Reverse(int lo, int hi)
        {
            Array.Reverse(q, lo, hi - lo);
            Array.Reverse(e, lo, hi - lo - 1);
        }
    }
}
