using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Randomness;
using MathForML.Tests.Numerics;

namespace MathForML.Tests.DimensionalityReduction;

public class PcaCancellationTests
{
    private static Matrix Data(int n, int d)
    {
        var random = new SeededRandom(7, 0);
        var x = new Matrix(n, d);
        var span = x.AsSpan();
        for (int i = 0; i < span.Length; i++) span[i] = random.NextGaussian();
        return x;
    }

    [Theory]
    [InlineData(PcaSolver.Covariance)]
    [InlineData(PcaSolver.Gram)]
    [InlineData(PcaSolver.Randomized)]
    public void APreCancelledTokenThrows(PcaSolver solver)
    {
        var options = new PcaOptions { Solver = solver, Components = 3 };
        Assert.Throws<OperationCanceledException>(() => Pca.Fit(Data(60, 20), options, cancellationToken: new CancellationToken(true)));
    }

    [Theory]
    [InlineData(PcaSolver.Covariance, "scatter matrix")]
    [InlineData(PcaSolver.Gram, "gram matrix")]
    [InlineData(PcaSolver.Randomized, "range finder")]
    public void CancellingAtAStageEndStopsTheFit(PcaSolver solver, string stage)
    {
        using var source = new CancellationTokenSource();
        var progress = new CancelAt(stage, source);
        var options = new PcaOptions { Solver = solver, Components = 3 };
        Assert.Throws<OperationCanceledException>(() => Pca.Fit(Data(60, 20), options, progress, source.Token));
    }

    [Theory]
    [InlineData(PcaSolver.Covariance)]
    [InlineData(PcaSolver.Gram)]
    [InlineData(PcaSolver.Randomized)]
    public void ProgressIsMonotonicAndTheFitUnchanged(PcaSolver solver)
    {
        var x = Data(60, 20);
        var options = new PcaOptions { Solver = solver, Components = 3 };
        var progress = new RecordingProgress();
        var fit = Pca.Fit(x, options, progress);
        progress.AssertMonotonic();
        Assert.Equal(["feature summary", "eigendecomposition", "done"], progress.Reports.Select(r => r.Stage).Where(s => s is "feature summary" or "eigendecomposition" or "done"));
        Assert.Equal(1, progress.Reports[^1].Fraction);
        Assert.Equal(Pca.Fit(x, options).ExplainedVariance, fit.ExplainedVariance);
    }

    private sealed class CancelAt(string stage, CancellationTokenSource source) : IProgress<MathForML.Numerics.WorkProgress>
    {
        public void Report(MathForML.Numerics.WorkProgress value)
        {
            if (value.Stage == stage) source.Cancel();
        }
    }
}
