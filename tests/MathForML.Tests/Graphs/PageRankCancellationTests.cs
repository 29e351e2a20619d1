using MathForML.Graphs;
using MathForML.Tests.Numerics;

namespace MathForML.Tests.Graphs;

public class PageRankCancellationTests
{
    private static CsrGraph Graph() => RmatGenerator.GenerateGraph(10, 8, 3);

    [Fact]
    public void APreCancelledTokenThrows()
    {
        Assert.Throws<OperationCanceledException>(() => PageRank.Compute(Graph(), cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void CancellingDuringTheIterationStopsIt()
    {
        using var source = new CancellationTokenSource();
        int seen = 0;
        var progress = new CallbackProgress(_ => { if (++seen == 3) source.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            PageRank.Compute(Graph(), new PageRankOptions { Tolerance = 1e-300, MaxIterations = 1000 }, progress: progress, cancellationToken: source.Token));
        Assert.Equal(3, seen);
    }

    [Fact]
    public void TheCourseLoopThrowsForAPreCancelledToken()
    {
        var micro = CourseInternet.Micro();
        Assert.Throws<OperationCanceledException>(() => PageRank.Course(micro, cancellationToken: new CancellationToken(true)));
        Assert.Throws<OperationCanceledException>(() => PageRank.CourseEigenvector(micro, cancellationToken: new CancellationToken(true)));
        Assert.Equal(18, PageRank.Course(micro, cancellationToken: CancellationToken.None).Iterations);
    }

    [Fact]
    public void RmatGenerationThrowsForAPreCancelledToken()
    {
        Assert.Throws<OperationCanceledException>(() => RmatGenerator.Generate(12, cancellationToken: new CancellationToken(true)));
        Assert.Throws<OperationCanceledException>(() => RmatGenerator.GenerateGraph(12, cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void RmatGenerationStopsSoonAfterCancelling()
    {
        // Scale 21 (33.5 million edges, 268 MB of edge arrays) takes a few hundred milliseconds on two cores; cancelled
        // after 20 ms it stops within a chunk of 2^16 edges. (Kept small: a bigger graph's allocation stalls the tests
        // that run beside it. One thread, and cancelled from a thread of its own rather than a timer: with the suite's
        // other tests holding the thread pool, a pool thread may come seconds late, and that wait is the pool's.)
        using var source = new CancellationTokenSource();
        using var canceller = CancellationTestThreads.CancelAfter(source, 20);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => RmatGenerator.Generate(21, maxThreads: 1, cancellationToken: source.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {watch.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public void ProgressIsMonotonicAndEndsAtOne()
    {
        var progress = new RecordingProgress();
        var result = PageRank.Compute(Graph(), progress: progress);
        progress.AssertMonotonic();
        var reports = progress.Reports;
        Assert.Equal(result.Iterations, reports.Count);
        Assert.Equal(1, reports[^1].Fraction);
        Assert.All(reports, r => Assert.Equal("iterating", r.Stage));
        Assert.Equal(result.Residuals, reports.Select(r => r.Measure!.Value));
        Assert.Equal(Enumerable.Range(1, result.Iterations).Select(i => (long)i), reports.Select(r => r.Step));
    }

    private sealed class CallbackProgress(Action<MathForML.Numerics.WorkProgress> report) : IProgress<MathForML.Numerics.WorkProgress>
    {
        public void Report(MathForML.Numerics.WorkProgress value) => report(value);
    }
}
