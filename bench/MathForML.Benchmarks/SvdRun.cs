using System.Diagnostics;
using System.Globalization;
using MathForML.Kernels;
using MathForML.LinearAlgebra;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Randomness;

namespace MathForML.Benchmarks;

/// <summary>
/// The `svd [--rounds 5] [--sizes 784x784,2000x1000,1000x2000,2000x2000] [--stages 1] [--jacobi 0]` mode:
/// <see cref="Svd.Values(Matrix, CancellationToken)"/> and <see cref="Svd.Decompose(Matrix, CancellationToken)"/> on
/// standard normal matrices from NumPy's legacy stream (RandomState(seed).standard_normal((m, n)), seed = m + n), the
/// same matrices `svd_peer.py` times with scipy.linalg.svd (gesdd) and svdvals. Each figure is the median of the rounds
/// after one warm-up, in seconds, with the algorithm <see cref="SvdAlgorithm.Automatic"/> chose (and, where that is
/// <see cref="SvdAlgorithm.Gram"/>, the bidiagonal path forced on the same matrix as well). With --stages 1 the bidiagonal path's stages are timed one by one as well; with
/// --crossover 1 only the Jacobi and bidiagonal paths are compared on small square and 3:1 matrices (for
/// <see cref="Svd.JacobiCrossover"/>).
/// </summary>
internal static class SvdRun
{
    public static void Execute(string[] args, TextWriter output)
    {
        int rounds = PcaRun.IntOption(args, "--rounds", 5);
        var sizes = Option(args, "--sizes", "784x784,2000x1000,1000x2000,2000x2000").Split(',')
            .Select(s => s.Split('x').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        output.WriteLine($"# svd, {Environment.ProcessorCount} cores, kernel path {KernelPathSelection.Best}, {rounds} rounds, medians in seconds");
        if (Option(args, "--crossover", "0") == "1")
        {
            Crossover(output, rounds);
            return;
        }

        foreach (var size in sizes)
        {
            int m = size[0], n = size[1];
            var a = new NumPyRandom((uint)(m + n)).Randn(m, n);
            if (Option(args, "--stages", "0") == "1") Stages(a, rounds, output);
            var chosen = Svd.Decompose(a).Algorithm;
            Time(output, $"{m}x{n} Svd.Values ({chosen})", rounds, () => Svd.Values(a));
            Time(output, $"{m}x{n} Svd.Decompose ({chosen})", rounds, () => Svd.Decompose(a));
            if (chosen == SvdAlgorithm.Gram)
            {
                // The general path on the same matrix, for matrices the Gram path's checks reject.
                Time(output, $"{m}x{n} Svd.Values (Bidiagonalization forced)", rounds, () => Svd.Values(a, SvdAlgorithm.Bidiagonalization));
                Time(output, $"{m}x{n} Svd.Decompose (Bidiagonalization forced)", rounds, () => Svd.Decompose(a, SvdAlgorithm.Bidiagonalization));
            }

            if (Option(args, "--jacobi", "0") == "1") Time(output, $"{m}x{n} Svd.Decompose (Jacobi)", 1, () => Svd.Decompose(a, SvdAlgorithm.Jacobi));
        }
    }

    /// <summary>The bidiagonal path's stages: reduction, values (dqds, and the QL on 2n it replaced), divide and conquer, back-transformations.</summary>
    private static void Stages(Matrix a, int rounds, TextWriter output)
    {
        var tall = a.Rows >= a.Columns ? a : a.Transpose();
        int m = tall.Rows, n = tall.Columns;
        int rows = m;
        var (reflectors, tau, copy) = (new double[n * m], new double[n], new double[m * n]);
        if (GolubKahanSvd.FactorsQrFirst(m, n))
        {
            Time(output, $"  stage: QR {m}x{n} (then R is reduced)", rounds, () =>
            {
                tall.AsSpan().CopyTo(copy);
                BlockedHouseholderQr.Factor(copy, m, n, reflectors, tau);
            });
            var r = new Matrix(n, n);
            for (int i = 0; i < n; i++) copy.AsSpan(i * n + i, n - i).CopyTo(r.RowSpan(i)[i..]);
            (tall, m) = (r, n);
        }

        var work = new double[m * n];
        var (d, e, left, tauQ, right, tauP) = (new double[n], new double[n], new double[n * m], new double[n], new double[n * n], new double[n]);
        Time(output, $"  stage: bidiagonalisation {m}x{n}", rounds, () =>
        {
            tall.AsSpan().CopyTo(work);
            BlockedBidiagonalization.Reduce(work, m, n, d, e, left, tauQ, right, tauP);
        });
        Time(output, "  stage: bidiagonal values (dqds)", rounds, () => BidiagonalSvd.Values(d, e, n));
        Time(output, "  stage: Golub–Kahan values (QL on 2n, before dqds)", rounds, () => BidiagonalSvd.ValuesByGolubKahan(d, e, n));
        double[] uB = [], vB = [];
        Time(output, "  stage: Golub–Kahan vectors (divide and conquer on 2n, repair)", rounds, () => (_, uB, vB) = BidiagonalSvd.Decompose(d, e, n));
        var u = new double[n * m];
        Time(output, "  stage: U = Q·U_B", rounds, () =>
        {
            Array.Clear(u);
            for (int q = 0; q < n; q++) uB.AsSpan(q * n, n).CopyTo(u.AsSpan(q * m, n));
            HouseholderBackTransformation.Apply(u, n, m, left, tauQ, n, 0);
        });
        if (m != rows)
        {
            var x = new double[n * rows];
            Time(output, "  stage: U ← Q_R·U (after the QR)", rounds, () => HouseholderBackTransformation.Apply(x, n, rows, reflectors, tau, n, 0));
        }
        var v = new double[n * n];
        Time(output, "  stage: V = P·V_B", rounds, () =>
        {
            vB.AsSpan(0, n * n).CopyTo(v);
            HouseholderBackTransformation.Apply(v, n, n, right, tauP, n - 2, 1);
        });
    }

    /// <summary>Jacobi against the bidiagonal path, values and decomposition, for min(m, n) from 8 to 128.</summary>
    private static void Crossover(TextWriter output, int rounds)
    {
        foreach (int n in new[] { 8, 16, 24, 32, 48, 64, 96, 128 })
            foreach (int m in new[] { n, 3 * n })
            {
                var a = new NumPyRandom((uint)(m + n)).Randn(m, n);
                int repeat = Math.Max(1, 20000 / (m * n));
                foreach (var algorithm in new[] { SvdAlgorithm.Jacobi, SvdAlgorithm.Bidiagonalization })
                {
                    Time(output, $"{m}x{n} Values {algorithm} (x{repeat})", rounds, () =>
                    {
                        for (int r = 0; r < repeat; r++) Svd.Values(a, algorithm);
                    });
                    Time(output, $"{m}x{n} Decompose {algorithm} (x{repeat})", rounds, () =>
                    {
                        for (int r = 0; r < repeat; r++) Svd.Decompose(a, algorithm);
                    });
                }
            }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static void Time(TextWriter output, string label, int rounds, Action run)
    {
        run();
        var seconds = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(seconds);
        output.WriteLine(FormattableString.Invariant($"{label,-66} median {seconds[rounds / 2]:F4} s  (min {seconds[0]:F4}, max {seconds[^1]:F4})"));
    }
}
