using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using MathForML.Kernels;

namespace MathForML.LinearAlgebra.Eigen;

/// <summary>
/// The second stage of the two-stage tridiagonal reduction: a symmetric band matrix of bandwidth b brought to tridiagonal
/// form T = Qᵀ·B·Q by Householder bulge chasing (LAPACK dsytrd_sb2st with its kernels dsb2st_kernels, UPLO = 'L';
/// Haidar, Ltaief and Dongarra, "Parallel reduction to condensed forms for symmetric eigenvalue problems using
/// aggregated fine-grained and memory-aware kernels", SC 2011; Bischof, Lang and Sun, "A framework for symmetric band
/// reduction", ACM TOMS 26(4), 2000).
/// </summary>
/// <remarks>
/// <para>
/// Sweep s annihilates column s below its sub-diagonal: a reflector H₁ of length ≤ b from B[s+1 … s+b, s] (kernel type
/// 1), applied to both sides of the diagonal block it spans. Applied from the right to the b rows below that block it
/// fills them in (the bulge); a second reflector from the bulge's first column annihilates that column and is applied
/// from the left to the rest of those rows (type 2), then to both sides of the next diagonal block (type 3), and so on
/// down the band until the chase leaves the matrix. Only the bulge's first column is annihilated; the rest of it is
/// removed by the following sweeps, which is what keeps the work at about 8·n²·b flops with reflectors no longer than b.
/// </para>
/// <para>
/// The band is read and written in place in the n×n row-major lower triangle (entries up to 2b below the diagonal are
/// used while the bulge passes; they must be zero beyond the band on entry), so each block's rows are contiguous and the
/// blocks are applied by <see cref="BandReflectors"/>. The sweeps run one after another on one core (LAPACK's task
/// pipeline is a reordering of the same kernels, so the arithmetic and the result are the same).
/// </para>
/// </remarks>
internal static class BandTridiagonalization
{
    /// <summary>Order from which the sweeps are shared between the cores.</summary>
    internal const int ParallelOrder = 256;

    /// <summary>
    /// Tasks a sweep stays behind the one before it (LAPACK's SHIFT): task t of sweep s starts once sweep s−1 has
    /// finished its task t + 2, so the two never touch the same rows.
    /// </summary>
    private const int Lag = 3;

    /// <summary>
    /// Reduces the band of bandwidth <paramref name="bandwidth"/> held in the lower triangle of the n×n row-major
    /// <paramref name="a"/> (zero more than b below the diagonal; destroyed) to T: its diagonal in
    /// <paramref name="diagonal"/> (n) and sub-diagonal in <paramref name="offDiagonal"/> (n − 1 used).
    /// Cancellation is checked every 64 sweeps.
    /// </summary>
    public static void Reduce(double[] a, int n, int bandwidth, double[] diagonal, double[] offDiagonal, KernelPath path,
        CancellationToken cancellationToken = default) =>
        Reduce(a, n, bandwidth, diagonal, offDiagonal, path, n >= ParallelOrder ? Environment.ProcessorCount : 1, cancellationToken);

    /// <summary>
    /// The reduction with its sweeps dealt round-robin to <paramref name="parts"/> threads, each sweep following the one
    /// before it a few tasks behind (LAPACK's task pipeline in dsytrd_sb2st): the same kernels on the same data in an
    /// order the dependencies allow, so the result is the same for any number of threads, bit for bit.
    /// </summary>
    internal static void Reduce(double[] a, int n, int bandwidth, double[] diagonal, double[] offDiagonal, KernelPath path, int parts,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bandwidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        int sweeps = bandwidth > 1 ? Math.Max(0, n - 2) : 0;
        parts = Math.Min(parts, Math.Max(1, sweeps));
        var pipeline = new Pipeline(parts > 1 ? sweeps : 0);
        if (parts == 1) Sweeps(a, n, bandwidth, 0, 1, sweeps, path, pipeline, cancellationToken);
        else
        {
            var others = new Task[parts - 1];
            for (int p = 1; p < parts; p++)
            {
                int first = p;
                others[p - 1] = Task.Factory.StartNew(() => Sweeps(a, n, bandwidth, first, parts, sweeps, path, pipeline, cancellationToken),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            try
            {
                Sweeps(a, n, bandwidth, 0, parts, sweeps, path, pipeline, cancellationToken);
            }
            catch (Exception) when (pipeline.Failed)
            {
                // The failure is recorded; rethrown below once every thread has stopped.
            }

            try
            {
                Task.WaitAll(others, CancellationToken.None);
            }
            catch (AggregateException) when (pipeline.Failed)
            {
                // Likewise.
            }

            pipeline.ThrowIfFailed();
        }

        for (int i = 0; i < n; i++) diagonal[i] = a[(i * n) + i];
        for (int i = 0; i + 1 < n; i++) offDiagonal[i] = a[((i + 1) * n) + i];
    }

    /// <summary>Sweeps first, first + step, … of one thread; a failure (or cancellation) releases the other threads' waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweeps(double[] a, int n, int b, int first, int step, int sweeps, KernelPath path, Pipeline pipeline,
        CancellationToken cancellationToken)
    {
        var v = new double[b];
        var w = new double[b];
        try
        {
            for (int s = first; s < sweeps; s += step)
            {
                if ((s & 63) < step) cancellationToken.ThrowIfCancellationRequested();
                Sweep(a, n, b, s, v, w, path, pipeline);
            }
        }
        catch (Exception failure)
        {
            pipeline.Fail(failure);
            throw;
        }
    }

    /// <summary>Sweep s: the kernels of types 1, 2, 3, 2, 3, … until the chase passes the matrix's end.</summary>
    private static void Sweep(double[] a, int n, int b, int s, double[] v, double[] w, KernelPath path, Pipeline pipeline)
    {
        // Type 1: H from column s, rows st … ed, on both sides of the diagonal block it spans.
        int task = 1;
        pipeline.WaitFor(s, task);
        int st = s + 1, ed = Math.Min(s + b, n - 1);
        double tau = Generate(a, n, st, ed, s, v);
        BandReflectors.TwoSided(a, (st * n) + st, n, v.AsSpan(0, ed - st + 1), tau, w, path);
        pipeline.Done(s, task++);
        while (ed < n - 1)
        {
            // Type 2: H from the right of the rows below the block (the bulge), then a new H from the bulge's first column,
            // applied from the left to the rest of those rows.
            pipeline.WaitFor(s, task);
            int first = ed + 1, last = Math.Min(ed + b, n - 1), length = ed - st + 1;
            BandReflectors.FromRight(a, (first * n) + st, n, last - first + 1, v.AsSpan(0, length), tau, path);
            tau = Generate(a, n, first, last, st, v);
            BandReflectors.FromLeft(a, (first * n) + st + 1, n, length - 1, v.AsSpan(0, last - first + 1), tau, w, path);
            pipeline.Done(s, task++);
            if (st + b - 1 >= n - 2) break;

            // Type 3: the new H on both sides of the next diagonal block.
            pipeline.WaitFor(s, task);
            (st, ed) = (first, last);
            BandReflectors.TwoSided(a, (st * n) + st, n, v.AsSpan(0, ed - st + 1), tau, w, path);
            pipeline.Done(s, task++);
        }

        pipeline.Done(s, int.MaxValue);
    }

    /// <summary>
    /// The reflector that annihilates a[first+1 … last, column] into a[first, column] (which gets β, the rest zeros):
    /// v (v[0] = 1) in <paramref name="v"/>, τ returned.
    /// </summary>
    private static double Generate(double[] a, int n, int first, int last, int column, double[] v)
    {
        int length = last - first + 1;
        for (int i = 1; i < length; i++) v[i] = a[((first + i) * n) + column];
        double beta = HouseholderReflector.Generate(a[(first * n) + column], v.AsSpan(1, length - 1), out double tau);
        v[0] = 1;
        a[(first * n) + column] = beta;
        for (int i = 1; i < length; i++) a[((first + i) * n) + column] = 0;
        return tau;
    }

    /// <summary>
    /// The tasks each sweep has finished (int.MaxValue once it is through), for the sweeps to follow one another; empty
    /// (no waiting) on one thread.
    /// </summary>
    private sealed class Pipeline(int sweeps)
    {
        private readonly int[] _done = new int[sweeps];
        private Exception? _failure;

        /// <summary>A thread failed (or was cancelled): waiting threads stop.</summary>
        public bool Failed => Volatile.Read(ref _failure) is not null;

        /// <summary>Records the first failure, which releases every wait.</summary>
        public void Fail(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);

        /// <summary>Rethrows the first failure, if any, with its own stack trace.</summary>
        public void ThrowIfFailed()
        {
            if (Volatile.Read(ref _failure) is { } failure) ExceptionDispatchInfo.Capture(failure).Throw();
        }

        /// <summary>Publishes that sweep s has finished its tasks up to <paramref name="task"/>.</summary>
        public void Done(int s, int task)
        {
            if (_done.Length > 0) Volatile.Write(ref _done[s], task);
        }

        /// <summary>Waits until sweep s−1 is <see cref="Lag"/> tasks ahead of task <paramref name="task"/> of sweep s (or through).</summary>
        public void WaitFor(int s, int task)
        {
            if (_done.Length == 0 || s == 0) return;
            int needed = task + Lag - 1;
            if (Volatile.Read(ref _done[s - 1]) >= needed) return;
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _done[s - 1]) < needed)
            {
                if (Failed) throw new OperationCanceledException("Another thread of the band reduction failed.");
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }
}
