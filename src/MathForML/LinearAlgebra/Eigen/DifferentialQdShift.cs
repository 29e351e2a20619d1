namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The shift strategy of <see cref="DifferentialQd"/>: what the last accepted dqds transform left (its smallest d's and
/// its last three, LAPACK dlasq4's inputs) and the next shift chosen from them, by dlasq4's cases (Parlett and Marques,
/// LAA 309, 2000): Gershgorin and Rayleigh-quotient bounds on the bottom eigenvalue when the smallest d is at the bottom, the
/// same after one or two deflations, else a fraction of d_min.
/// </summary>
internal struct DifferentialQdShift
{
    private const double Quarter = 0.25, Third = 1.0 / 3, Half = 0.5;

    // dlasq4's constants: the bound on the squared norm outside the bottom entry for the Rayleigh-quotient bound
    // to apply (Cnst1), and the safety factors applied to that bound (Cnst2, Cnst3).
    private const double Cnst1 = 0.563, Cnst2 = 1.01, Cnst3 = 1.05;

    public double DMin, DMin1, DMin2, DN, DN1, DN2, EMin, QMax;
    private double growth;
    private bool started, lastWasFraction;

    /// <summary>Forgets the last transform (after the block was reversed): the next shift is the block's Gershgorin-type bound.</summary>
    public void Reset() => started = false;

    /// <summary>The shift for the block [lo, hi) of the current qd array, <paramref name="deflated"/> values having left its bottom since the last transform.</summary>
    public double Choose(double[] q, double[] e, int lo, int hi, int deflated)
    {
        if (!started)
        {
            // A new block: dlasq2's Gershgorin-type lower bound qmin − 2√(qmin·emax), walking up from the bottom
            // while the q's dominate the e's (0 when they do not).
            started = true;
            double qMin = q[hi - 1], eMax = 0;
            for (int k = hi - 2; k >= lo; k--)
            {
                if (qMin >= 4 * eMax)
                {
                    qMin = Math.Min(qMin, q[k]);
                    eMax = Math.Max(eMax, e[k]);
                }
            }

            return Math.Max(0, qMin - (2 * Math.Sqrt(qMin) * Math.Sqrt(eMax)));
        }

        bool fraction = false;
        double s;
        int last = hi - 1;
        if (deflated == 0)
        {
            if (DMin <= 0) return 0;
            if (DMin == DN && DMin1 == DN1)
            {
                // Cases 2 and 3: bounds on the bottom eigenvalue from the trailing 2×2.
                double b1 = Math.Sqrt(q[last]) * Math.Sqrt(e[last - 1]);
                double b2 = Math.Sqrt(q[last - 1]) * Math.Sqrt(e[last - 2]);
                double a2 = q[last - 1] + e[last - 1];
                double gap2 = DMin2 - a2 - (Quarter * DMin2);
                double gap1 = gap2 > 0 && gap2 > b2 ? a2 - DN - (b2 / gap2 * b2) : a2 - DN - (b1 + b2);
                if (gap1 > 0 && gap1 > b1)
                {
                    s = Math.Max(DN - (b1 / gap1 * b1), Half * DMin);
                }
                else
                {
                    s = DN > b1 ? DN - b1 : 0;
                    if (a2 > b1 + b2) s = Math.Min(s, a2 - (b1 + b2));
                    s = Math.Max(s, Third * DMin);
                }
            }
            else if (DMin == DN)
            {
                // Case 4: the Rayleigh-quotient residual bound, the squared norm outside the bottom entry
                // estimated from the ratios e_k/q_k walking up from the bottom.
                s = Quarter * DMin;
                if (e[last - 1] <= q[last - 1])
                {
                    double a2 = e[last - 1] / q[last - 1];
                    if (WalkUp(q, e, lo, last - 2, a2, ref a2, stopEarly: true)) s = RayleighBound(s, DN, a2);
                }
            }
            else if (DMin == DN1 || DMin == DN2)
            {
                s = Quarter * DMin;
            }
            else
            {
                // Case 6: no information; a growing fraction of d_min while this repeats.
                growth = lastWasFraction ? growth + ((1 - growth) * Third) : Quarter;
                s = growth * DMin;
                fraction = true;
            }
        }
        else if (deflated == 1)
        {
            if (DMin1 == DN1 && DMin2 == DN2)
            {
                // Cases 7 and 8, after one value deflated.
                s = Third * DMin1;
                if (e[last - 1] <= q[last - 1])
                {
                    double b1 = e[last - 1] / q[last - 1], b2 = b1;
                    if (b2 == 0 || WalkUpSums(q, e, lo, last - 2, ref b1, ref b2, paired: true))
                    {
                        b2 = Math.Sqrt(Cnst3 * b2);
                        double a2 = DMin1 / (1 + (b2 * b2));
                        double gap2 = (Half * DMin2) - a2;
                        s = gap2 > 0 && gap2 > b2 * a2
                            ? Math.Max(s, a2 * (1 - (Cnst2 * a2 * (b2 / gap2) * b2)))
                            : Math.Max(s, a2 * (1 - (Cnst2 * b2)));
                    }
                }
            }
            else
            {
                s = DMin1 == DN1 ? Half * DMin1 : Quarter * DMin1;   // case 9
            }
        }
        else if (deflated == 2)
        {
            if (DMin2 == DN2 && 2 * e[last - 1] < q[last - 1])
            {
                // Cases 10 and 11, after two values deflated.
                s = Third * DMin2;
                double b1 = e[last - 1] / q[last - 1], b2 = b1;
                if (b2 == 0 || WalkUpSums(q, e, lo, last - 2, ref b1, ref b2, paired: false))
                {
                    b2 = Math.Sqrt(Cnst3 * b2);
                    double a2 = DMin2 / (1 + (b2 * b2));
                    double gap2 = q[last - 1] + e[last - 2] - (Math.Sqrt(q[last - 2]) * Math.Sqrt(e[last - 2])) - a2;
                    s = gap2 > 0 && gap2 > b2 * a2
                        ? Math.Max(s, a2 * (1 - (Cnst2 * a2 * (b2 / gap2) * b2)))
                        : Math.Max(s, a2 * (1 - (Cnst2 * b2)));
                }
            }
            else
            {
                s = Quarter * DMin2;
            }
        }
        else
        {
            s = 0;   // case 12: more than two deflated, no information
        }

        lastWasFraction = fraction;
        return Math.Max(s, 0);
    }

    /// <summary>γ(1 − √a2)/(1 + a2) when the estimated squared norm a2 is small enough, else the current shift.</summary>
    private static double RayleighBound(double s, double gamma, double a2)
    {
        a2 *= Cnst3;
        return a2 < Cnst1 ? gamma * (1 - Math.Sqrt(a2)) / (1 + a2) : s;
    }

    /// <summary>
    /// Case 4's walk: from entry <paramref name="from"/> up to <paramref name="lo"/>, b ← b·e_k/q_k and a2 += b,
    /// stopping once the terms are negligible or a2 is past Cnst1. False when some e_k &gt; q_k (no bound).
    /// </summary>
    private static bool WalkUp(double[] q, double[] e, int lo, int from, double b2, ref double a2, bool stopEarly)
    {
        for (int k = from; k >= lo; k--)
        {
            if (b2 == 0) return true;
            double b1 = b2;
            if (e[k] > q[k]) return false;
            b2 *= e[k] / q[k];
            a2 += b2;
            if (stopEarly && ((100 * Math.Max(b2, b1) < a2) || Cnst1 < a2)) return true;
        }

        return true;
    }

    /// <summary>Cases 7 and 10's walk: b1 ← b1·e_k/q_k, b2 += b1, until the terms are negligible. False when some e_k &gt; q_k.</summary>
    private static bool WalkUpSums(double[] q, double[] e, int lo, int from, ref double b1, ref double b2, bool paired)
    {
        for (int k = from; k >= lo; k--)
        {
            double previous = b1;
            if (e[k] > q[k]) return false;
            b1 *= e[k] / q[k];
            b2 += b1;
            if (100 * (paired ? Math.Max(b1, previous) : b1) < b2) return true;
        }

        return true;
    }
}
