using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace MathForML.Numerics;

/// <summary>A job of two parts for <see cref="SpinningPair.Run"/>: part 0 runs on the calling thread, part 1 on the pair's helper.</summary>
internal interface IPairWork
{
    /// <summary>Runs part 0 or part 1.</summary>
    void Run(int part);
}

/// <summary>
/// A second thread that spins, ready, while one caller runs a long sequence of short two-part jobs: the column-by-column
/// symmetric products of the tridiagonal reduction's panels (tens of microseconds each, hundreds per panel), where a
/// fork and join through the thread pool costs about as much as the work it splits and, worse, lands each half on
/// whichever core is free, so neither core keeps its half of the matrix in its own L2 cache.
/// </summary>
/// <remarks>
/// <para>
/// One helper thread per process, created on first use and parked on an event between sessions. A caller takes the
/// pair with <see cref="TryEnter"/> (null when another caller holds it or the process has one core: run serially or on
/// the pool then), runs jobs with <see cref="Run"/> — the helper takes part 1 within a fraction of a microsecond, the
/// caller part 0, then the caller spins until part 1 is done — and gives it back with <see cref="Exit"/>, after which
/// the helper parks again (so it does not spin through the caller's own parallel phases, such as a GEMM on both cores).
/// An exception in part 1 is rethrown to the caller after part 0.
/// </para>
/// <para>
/// Part 1 always runs on the same thread, which the operating system usually keeps on one core: the same rows of a
/// shrinking trailing matrix stay in that core's cache from one column to the next.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One instance for the life of the process, like its helper thread; the event is never disposed.")]
internal sealed class SpinningPair
{
    private static readonly Lock Creation = new();
    private static SpinningPair? _shared;

    private readonly ManualResetEventSlim _session = new(false);
    private int _held;
    private volatile bool _active;
    private IPairWork? _work;
    private long _posted;
    private long _finished;
    private Exception? _failure;

    private SpinningPair()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "MathForML spinning pair" };
        thread.Start();
    }

    /// <summary>
    /// The process's pair, held by this caller until <see cref="Exit"/>; null when the process has a single core or
    /// another caller holds it.
    /// </summary>
    public static SpinningPair? TryEnter()
    {
        if (Environment.ProcessorCount < 2) return null;
        var pair = _shared;
        if (pair is null)
        {
            lock (Creation) pair = _shared ??= new SpinningPair();
        }

        if (Interlocked.CompareExchange(ref pair._held, 1, 0) != 0) return null;
        // The kernel team's helpers, spinning after the last GEMM, would take the core this pair's helper spins on.
        KernelTeam.Park();
        pair._active = true;
        pair._session.Set();
        return pair;
    }

    /// <summary>Gives the pair back: the helper stops spinning and parks.</summary>
    public void Exit()
    {
        _active = false;
        _session.Reset();
        Volatile.Write(ref _held, 0);
    }

    /// <summary>Runs part 0 of <paramref name="work"/> here and part 1 on the helper, and returns when both are done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(IPairWork work)
    {
        _failure = null;
        _work = work;
        long ticket = Interlocked.Increment(ref _posted);
        try
        {
            work.Run(0);
        }
        finally
        {
            // Spin, then yield between checks (never sleep): on a loaded machine the helper may need this core.
            var spinner = new SpinWait();
            while (Volatile.Read(ref _finished) != ticket) spinner.SpinOnce(sleep1Threshold: -1);

            _work = null;
        }

        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop()
    {
        long seen = 0;
        while (true)
        {
            _session.Wait();
            var spinner = new SpinWait();
            while (_active || Volatile.Read(ref _posted) != seen)
            {
                long posted = Volatile.Read(ref _posted);
                if (posted == seen)
                {
                    // Spin, then yield between checks: idle, the helper gives way to any thread that wants the core.
                    spinner.SpinOnce(sleep1Threshold: -1);
                    continue;
                }

                spinner = new SpinWait();

                try
                {
                    _work!.Run(1);
                }
                catch (Exception e)
                {
                    _failure = e;
                }

                seen = posted;
                Volatile.Write(ref _finished, posted);
            }
        }
    }
}
