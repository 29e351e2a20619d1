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
