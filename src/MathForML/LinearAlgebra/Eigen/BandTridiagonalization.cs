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
/// blocks are applied by <see cref="BandReflectors"/>. From order <see cref="ParallelOrder"/> every core takes a stretch
/// of each sweep, following the sweep before it a few tasks behind (LAPACK's task dependencies; the same arithmetic,
/// so the same T). n = 2000, b = 48 on the 2-core Xeon: 0.129 s on one core, 0.105 s with whole sweeps dealt to
/// alternate cores (every block crossed between the cores' caches), 0.073 s with stretches.
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
    /// The reduction on <paramref name="parts"/> threads, each owning a stretch of every sweep: sweep s's tasks over rows
    /// s … n−1 are cut into parts of equal length, thread k runs those that start in the k-th (carrying the sweep's
    /// reflector over to thread k + 1 at the cut), and each task waits until the sweep before it is far enough ahead
    /// (LAPACK's dependencies in dsytrd_sb2st). A thread keeps the same rows of the band, and so the same cache lines,
    /// from one sweep to the next (the cuts move half a row per sweep), where dealing whole sweeps to alternate threads
    /// moved every block between the cores. The same kernels run on the same data in an order the dependencies allow, so
    /// the result is the same for any number of threads, bit for bit.
    /// </summary>
    internal static void Reduce(double[] a, int n, int bandwidth, double[] diagonal, double[] offDiagonal, KernelPath path, int parts,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bandwidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        int sweeps = bandwidth > 1 ? Math.Max(0, n - 2) : 0;
        parts = Math.Min(parts, Math.Max(1, sweeps));
        var pipeline = new Pipeline(bandwidth, parts > 1 ? sweeps : 0, parts);
        if (parts == 1) Stretches(a, n, bandwidth, 0, sweeps, path, pipeline, cancellationToken);
        else
        {
            var others = new Task[parts - 1];
            for (int k = 1; k < parts; k++)
            {
                int part = k;
                others[k - 1] = Task.Factory.StartNew(() => Stretches(a, n, bandwidth, part, sweeps, path, pipeline, cancellationToken),
                    CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            try
            {
                Stretches(a, n, bandwidth, 0, sweeps, path, pipeline, cancellationToken);
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

    /// <summary>Thread <paramref name="part"/>'s stretch of every sweep; a failure (or cancellation) releases the other threads' waits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Stretches(double[] a, int n, int b, int part, int sweeps, KernelPath path, Pipeline pipeline,
        CancellationToken cancellationToken)
    {
        var v = new double[b];
        var w = new double[b];
        try
        {
            for (int s = 0; s < sweeps; s++)
            {
                if ((s & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                Stretch(a, n, b, s, part, v, w, path, pipeline);
            }
        }
        catch (Exception failure)
        {
            pipeline.Fail(failure);
            throw;
        }
    }

    /// <summary>
    /// Thread <paramref name="part"/>'s tasks of sweep s: the kernels of types 1, 2, 3, 2, 3, … (part 0 starts the sweep,
    /// part k &gt; 0 takes it over at its cut) until the sweep reaches the next part's cut or passes the matrix's end.
    /// </summary>
    private static void Stretch(double[] a, int n, int b, int s, int part, double[] v, double[] w, KernelPath path, Pipeline pipeline)
    {
        int task, st, ed;
        double tau;
        if (part == 0)
        {
            // Type 1: H from column s, rows st … ed, on both sides of the diagonal block it spans.
            task = 1;
            pipeline.WaitFor(s, task);
            (st, ed) = (s + 1, Math.Min(s + b, n - 1));
            tau = Generate(a, n, st, ed, s, v);
            BandReflectors.TwoSided(a, (st * n) + st, n, v.AsSpan(0, ed - st + 1), tau, w, path);
            pipeline.Done(s, task++);
        }
        else if (!pipeline.TakeOver(s, part, v, out task, out st, out ed, out tau))
        {
            if (part + 1 < pipeline.Parts) pipeline.HandOver(s, part, v, 0, 0, 0, 0);
            return;
        }

        int cut = part + 1 < pipeline.Parts ? s + (int)((long)(n - s) * (part + 1) / pipeline.Parts) : int.MaxValue;
        while (ed < n - 1)
        {
            if (st >= cut)
            {
                pipeline.HandOver(s, part, v, task, st, ed, tau);
                return;
            }

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
        if (part + 1 < pipeline.Parts) pipeline.HandOver(s, part, v, 0, 0, 0, 0);
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
    /// What the threads share: the tasks each sweep has finished (int.MaxValue once it is through) and, at each cut, the
    /// sweep's state handed from one part to the next; empty (no waiting) on one thread.
    /// </summary>
    private sealed class Pipeline(int bandwidth, int sweeps, int parts)
    {
        private readonly int[] _done = new int[sweeps];
        private readonly int[] _handedTask = new int[parts > 1 ? (parts - 1) * sweeps : 0];
        private readonly (int St, int Ed, double Tau)[] _handedBlock = new (int, int, double)[parts > 1 ? (parts - 1) * sweeps : 0];
        private readonly double[] _handedReflector = new double[parts > 1 ? (long)(parts - 1) * sweeps * bandwidth : 0];
        private Exception? _failure;

        /// <summary>Threads sharing the sweeps.</summary>
        public int Parts { get; } = parts;

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
            Spin(ref _done[s - 1], needed);
        }

        /// <summary>
        /// Part <paramref name="part"/> hands sweep s to the next part at task <paramref name="task"/> with its current
        /// block and reflector, or (task 0) says the sweep ended before the cut.
        /// </summary>
        public void HandOver(int s, int part, double[] v, int task, int st, int ed, double tau)
        {
            int slot = (part * _done.Length) + s;
            if (task > 0)
            {
                v.AsSpan(0, ed - st + 1).CopyTo(_handedReflector.AsSpan((int)((long)slot * bandwidth), bandwidth));
                _handedBlock[slot] = (st, ed, tau);
            }

            Volatile.Write(ref _handedTask[slot], task > 0 ? task : -1);
        }

        /// <summary>Waits for part <paramref name="part"/> − 1's hand-over of sweep s; false when the sweep ended before this part.</summary>
        public bool TakeOver(int s, int part, double[] v, out int task, out int st, out int ed, out double tau)
        {
            int slot = ((part - 1) * _done.Length) + s;
            if (Volatile.Read(ref _handedTask[slot]) == 0) Spin(ref _handedTask[slot], int.MinValue);
            task = Volatile.Read(ref _handedTask[slot]);
            (st, ed, tau) = _handedBlock[slot];
            if (task < 0) return false;
            _handedReflector.AsSpan((int)((long)slot * bandwidth), ed - st + 1).CopyTo(v);
            return true;
        }

        /// <summary>
        /// Spins until <paramref name="value"/> reaches <paramref name="needed"/> (int.MinValue: until it is non-zero),
        /// giving the core up between looks; another thread's failure ends the wait.
        /// </summary>
        private void Spin(ref int value, int needed)
        {
            var spinner = default(SpinWait);
            while (needed == int.MinValue ? Volatile.Read(ref value) == 0 : Volatile.Read(ref value) < needed)
            {
                if (Failed) throw new OperationCanceledException("Another thread of the band reduction failed.");
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }
}
