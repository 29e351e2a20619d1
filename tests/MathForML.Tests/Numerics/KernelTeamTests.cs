using System.Collections.Concurrent;
using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

/// <summary>
/// The kernels' parallel loop: every index once, on the caller and the team's helpers (which wake again after parking),
/// serially when nested or limited to one thread, on the pool when another thread holds the team, and a body's
/// exception rethrown unwrapped with the team still usable.
/// </summary>
public class KernelTeamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(5, 6)]
    [InlineData(0, 2)]
    [InlineData(-3, 17)]
    [InlineData(0, 10_000)]
    public void RunsEveryIndexExactlyOnce(int from, int to)
    {
        for (int round = 0; round < 50; round++)
        {
            var counts = new int[Math.Max(0, to - from)];
            KernelTeam.For(from, to, i => Interlocked.Increment(ref counts[i - from]));
            Assert.All(counts, c => Assert.Equal(1, c));
        }
    }

    [Fact]
    public void AnEmptyOrReversedRangeRunsNothing()
    {
        int calls = 0;
        KernelTeam.For(3, 3, _ => calls++);
        KernelTeam.For(5, 2, _ => calls++);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void OneThreadRunsTheIndicesInOrderOnTheCaller()
    {
        int caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Index, int Thread)>();
        KernelTeam.For(0, 100, 1, i => seen.Add((i, Environment.CurrentManagedThreadId)));
        Assert.Equal(Enumerable.Range(0, 100), seen.Select(s => s.Index));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
    }

    [Fact]
    public void AMaximumBelowOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelTeam.For(0, 4, 0, _ => { }));

    [Fact]
    public void TwoIndicesRunAtTheSameTimeOnTwoThreads()
    {
        if (Environment.ProcessorCount < 2) return;
        for (int round = 0; round < 200; round++) AssertConcurrent();
    }

    [Fact]
    public void HelpersParkedOrPastTheirSpinWakeForTheNextLoop()
    {
        if (Environment.ProcessorCount < 2) return;
        AssertConcurrent();
        KernelTeam.Park();
        Thread.Sleep(20);
        AssertConcurrent();
        // Past the spin budget (2 ms) the helpers park on their own.
        Thread.Sleep(50);
        AssertConcurrent();
    }

    [Fact]
    public void ANestedLoopRunsSeriallyOnTheThreadOfItsBody()
    {
        var inner = new ConcurrentBag<(int Outer, int Thread, int Index)>();
        KernelTeam.For(0, 4, o =>
        {
            int thread = Environment.CurrentManagedThreadId;
            var order = new List<int>();
            KernelTeam.For(0, 50, i =>
            {
                Assert.Equal(thread, Environment.CurrentManagedThreadId);
                order.Add(i);
            });
            Assert.Equal(Enumerable.Range(0, 50), order);
            inner.Add((o, thread, order.Count));
        });
        Assert.Equal(4, inner.Count);
    }

    [Fact]
    public async Task ConcurrentCallersEachGetEveryIndexOnce()
    {
        var callers = Enumerable.Range(0, 4).Select(c => Task.Run(() =>
        {
            for (int round = 0; round < 300; round++)
            {
                var counts = new int[37 + c];
                KernelTeam.For(0, counts.Length, i => Interlocked.Increment(ref counts[i]));
                Assert.All(counts, n => Assert.Equal(1, n));
            }
        }));
        await Task.WhenAll(callers).WaitAsync(Patience);
    }

    [Fact]
    public void AFailureReachesTheCallerUnwrappedAndTheTeamStaysUsable()
    {
        for (int failing = 0; failing < 8; failing++)
        {
            int f = failing;
            var error = Assert.Throws<InvalidOperationException>(() =>
                KernelTeam.For(0, 8, i => { if (i == f) throw new InvalidOperationException($"index {i}"); }));
            Assert.Equal($"index {f}", error.Message);
        }

        var counts = new int[64];
        KernelTeam.For(0, 64, i => Interlocked.Increment(ref counts[i]));
        Assert.All(counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public async Task AFailureWhileAnotherLoopHoldsTheTeamAlsoReachesTheCallerUnwrapped()
    {
        // The loop on the other thread holds the team until released, so this thread's loop runs on the thread pool.
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() => KernelTeam.For(0, 2, i =>
        {
            if (i != 0) return;
            holding.Set();
            release.Wait(Patience);
        }));
        Assert.True(holding.Wait(Patience));
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                KernelTeam.For(0, 8, i => { if (i == 3) throw new InvalidOperationException("index 3"); }));
            Assert.Equal("index 3", error.Message);
        }
        finally
        {
            release.Set();
        }

        await holder.WaitAsync(Patience);
    }

    [Fact]
    public void InvokeRunsBoth()
    {
        int first = 0, second = 0;
        KernelTeam.Invoke(() => first++, () => second++);
        Assert.Equal((1, 1), (first, second));
    }

    [Fact]
    public void AFinishedLoopKeepsNothingItsBodyCapturedAlive()
    {
        if (Environment.ProcessorCount < 2) return;
        var captured = RunCapturing();
        for (int i = 0; i < 20 && captured.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(10);
        }

        Assert.False(captured.IsAlive, "a helper still holds the finished loop's body");
    }

    /// <summary>A loop whose body captures an array, run on the caller and a helper; returns a weak reference to the array.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference RunCapturing()
    {
        var data = new double[1024];
        using var started = new ManualResetEventSlim(false);
        KernelTeam.For(0, 2, i =>
        {
            data[i] = i;
            if (i == 1) started.Set();
            else Assert.True(started.Wait(Patience));
        });
        return new WeakReference(data);
    }

    /// <summary>Index 0 waits for index 1 to start: only a helper can run it, so this deadlocks (and fails) without one.</summary>
    private static void AssertConcurrent()
    {
        using var started = new ManualResetEventSlim(false);
        int caller = Environment.CurrentManagedThreadId;
        int[] threads = new int[2];
        bool waited = false;
        KernelTeam.For(0, 2, i =>
        {
            threads[i] = Environment.CurrentManagedThreadId;
            if (i == 1) started.Set();
            else waited = started.Wait(Patience);
        });
        Assert.True(waited, "index 1 did not start while index 0 ran");
        Assert.NotEqual(threads[0], threads[1]);
        Assert.Contains(caller, threads);
    }
}
