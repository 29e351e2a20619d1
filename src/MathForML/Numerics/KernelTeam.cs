using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace MathForML.Numerics;

/// <summary>
/// The parallel loop of the library's kernels: <see cref="For(int, int, Action{int})"/> runs body(i) for every i of a
/// range on the calling thread and on helper threads that stay awake, spinning, for a moment after each loop, so that
/// the next loop of a long sequence of short ones (the GEMMs of a blocked factorisation, the segments of a PageRank step)
/// starts on every core at once instead of waiting for the operating system to wake a sleeping pool thread.
/// </summary>
/// <remarks>
/// <para>
/// Why: <see cref="Parallel.For(int, int, Action{int})"/> hands work to thread-pool threads, which park on a semaphore a
/// few tens of microseconds after their last item; on the project's 2-core VM waking one took long enough that the
/// eigendecomposition of a 784×784 matrix (hundreds of loops of 0.1–1 ms) ran in 65 ms at the median (49–84 ms) against
/// 50 ms (45–70) with the pool's workers spinning longer (<c>DOTNET_ThreadPool_UnfairSemaphoreSpinLimit</c>), and a
/// PageRank step of R-MAT 20 (17 loops) 11% slower. OpenMP runtimes and OpenBLAS keep their threads spinning for the
/// same reason.
/// </para>
/// <para>
/// How: one team per process, <see cref="Environment.ProcessorCount"/> − 1 background helpers created on first use. A
/// loop publishes a job; the caller and every helper the loop allows claim indices one at a time from a shared counter
/// (so the order in which indices run, and the thread that runs each, is unspecified, as with Parallel.For) until none
/// is left, and the caller returns once every helper that took part has finished its last item. A helper then spins for
/// <see cref="SpinBudget"/> (yielding the core now and then to any other thread that wants it) and parks on a
/// semaphore until the next loop wakes it. <see cref="Park"/> sends the spinning helpers to sleep at once (the
/// tridiagonal reduction calls it before its own spinning helper takes the second core).
/// </para>
/// <para>
/// Nesting and concurrency: a loop started inside a body runs serially on that thread (the outer loop already has
/// every core); a loop started while another thread's loop holds the team runs on the thread pool instead. The first
/// exception thrown by a body stops the claiming of further indices and is rethrown to the caller, unwrapped, once
/// every participant has stopped.
/// </para>
/// </remarks>
internal static class KernelTeam
{
    /// <summary>How long a helper spins, waiting for the next loop, before it parks: 2 ms.</summary>
    internal static readonly long SpinBudget = Stopwatch.Frequency / 500;

    private static readonly Lock Creation = new();
    private static Team? _team;

    [ThreadStatic] private static bool t_inLoop;

    /// <summary>Runs <paramref name="body"/>(i) for i in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>) on every core.</summary>
    public static void For(int fromInclusive, int toExclusive, Action<int> body) =>
        For(fromInclusive, toExclusive, Environment.ProcessorCount, body);

    /// <summary>
    /// Runs <paramref name="body"/>(i) for i in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>) on at
    /// most <paramref name="maxDegree"/> threads (the caller and maxDegree − 1 helpers; 1: the caller alone, in order).
    /// </summary>
    public static void For(int fromInclusive, int toExclusive, int maxDegree, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegree, 1);
        int count = toExclusive - fromInclusive;
        if (count <= 0) return;
        int helpers = Math.Min(Math.Min(maxDegree, Environment.ProcessorCount) - 1, count - 1);
        if (helpers <= 0 || t_inLoop)
        {
            for (int i = fromInclusive; i < toExclusive; i++) body(i);
            return;
        }

        var team = Shared();
        if (!team.TryHold())
        {
            try
            {
                Parallel.For(fromInclusive, toExclusive, new ParallelOptions { MaxDegreeOfParallelism = helpers + 1 }, body);
            }
            catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
            {
                // As from the team: the first failure, unwrapped (Parallel.For gathers every body's into one).
                ExceptionDispatchInfo.Throw(aggregate.InnerExceptions[0]);
            }
            return;
        }

        try
        {
            team.Run(new Job(body, fromInclusive, toExclusive, helpers));
        }
        finally
        {
            team.Release();
        }
    }

    /// <summary>Runs <paramref name="first"/> and <paramref name="second"/>, on two cores when there are two (Parallel.Invoke's job).</summary>
    public static void Invoke(Action first, Action second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        For(0, 2, i => (i == 0 ? first : second)());
    }

    /// <summary>Sends the helpers that are spinning between loops to sleep now (they wake at the next loop).</summary>
    public static void Park() => _team?.Park();

    private static Team Shared()
    {
        var team = _team;
        if (team is not null) return team;
        lock (Creation) return _team ??= new Team(Environment.ProcessorCount - 1);
    }

    /// <summary>One loop: its body, the next index to claim, and who is still running part of it.</summary>
    private sealed class Job(Action<int> body, int from, int to, int helpers)
    {
        private static long _issued;

        /// <summary>The job's number: a helper remembers this, not the job, so that no finished body (and what it captured) stays reachable.</summary>
        public readonly long Number = Interlocked.Increment(ref _issued);
        public readonly Action<int> Body = body;
        public readonly int End = to;
        public readonly int Helpers = helpers;
        public int Next = from;
        public int Running;
        public Exception? Failure;

        /// <summary>Claims and runs indices until none is left or a body has failed.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Work()
        {
            t_inLoop = true;
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref Next) - 1) < End)
                {
                    try
                    {
                        Body(i);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref Failure, e, null);
                        Volatile.Write(ref Next, End);
                    }
                }
            }
            finally
            {
                t_inLoop = false;
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
        Justification = "One instance for the life of the process, like its helper threads; the semaphores are never disposed.")]
    private sealed class Team
    {
        private readonly SemaphoreSlim[] _wake;
        private readonly int[] _sleeping;
        private int _held;
        private volatile Job? _current;
        private long _parkRequests;

        public Team(int helpers)
        {
            _wake = new SemaphoreSlim[helpers];
            _sleeping = new int[helpers];
            for (int h = 0; h < helpers; h++)
            {
                _wake[h] = new SemaphoreSlim(0);
                int id = h;
                new Thread(() => Loop(id)) { IsBackground = true, Name = $"MathForML kernel team {id + 1}" }.Start();
            }
        }

        public bool TryHold() => Interlocked.CompareExchange(ref _held, 1, 0) == 0;

        public void Release() => Volatile.Write(ref _held, 0);

        public void Park() => Interlocked.Increment(ref _parkRequests);

        /// <summary>Publishes the job, wakes the helpers it needs, works on it, and waits for the helpers still on it.</summary>
        public void Run(Job job)
        {
            _current = job;
            for (int h = 0; h < job.Helpers; h++)
            {
                if (Interlocked.Exchange(ref _sleeping[h], 0) == 1) _wake[h].Release();
            }

            job.Work();
            // No helper joins once the job is withdrawn; one that read it just before finds no index left (Next ≥ End).
            _current = null;
            var spinner = new SpinWait();
            while (Volatile.Read(ref job.Running) != 0) spinner.SpinOnce(sleep1Threshold: -1);
            if (job.Failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Loop(int id)
        {
            long last = 0;
            long parks = Volatile.Read(ref _parkRequests);
            long deadline = Stopwatch.GetTimestamp() + SpinBudget;
            int spins = 0;
            while (true)
            {
                var job = _current;
                if (job is not null && job.Number != last && id < job.Helpers)
                {
                    last = job.Number;
                    Interlocked.Increment(ref job.Running);
                    job.Work();
                    Interlocked.Decrement(ref job.Running);
                    deadline = Stopwatch.GetTimestamp() + SpinBudget;
                    continue;
                }

                long requests = Volatile.Read(ref _parkRequests);
                if (requests == parks && Stopwatch.GetTimestamp() < deadline)
                {
                    // Spin, giving the core away now and then: on a busy machine the caller may need it.
                    if ((++spins & 31) == 0) Thread.Yield();
                    else Thread.SpinWait(20);
                    continue;
                }

                parks = requests;
                // Park. Announce it first, then look once more: a loop published meanwhile either is seen here or sees
                // the announcement and releases the semaphore (each side writes before it reads, with full fences).
                Interlocked.Exchange(ref _sleeping[id], 1);
                job = _current;
                if (job is not null && job.Number != last && id < job.Helpers && Interlocked.CompareExchange(ref _sleeping[id], 0, 1) == 1)
                {
                    continue;
                }

                job = null;
                _wake[id].Wait();
                deadline = Stopwatch.GetTimestamp() + SpinBudget;
            }
        }
    }
}
