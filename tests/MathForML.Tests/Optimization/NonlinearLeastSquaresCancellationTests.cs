using MathForML.Calculus;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using MathForML.Tests.Numerics;

namespace MathForML.Tests.Optimization;

public class NonlinearLeastSquaresCancellationTests
{
    private static readonly double[] T = [0, 1, 2, 3, 4, 5, 6, 7];
    private static readonly double[] Y = T.Select(t => 3 * (1 - Math.Exp(-0.4 * t)) + 0.01 * Math.Sin(7 * t)).ToArray();

    private static NonlinearLeastSquaresResult Fit(NonlinearLeastSquaresMethod method, IProgress<MathForML.Numerics.WorkProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        NonlinearLeastSquares.Fit(Expression.Parse("b1*(1 - exp(-b2*x))"), ["x"], Matrix.FromColumns(Vector.Of(T)), Y, ["b1", "b2"], [1.0, 1.0],
            new NonlinearLeastSquaresOptions { Method = method }, progress, cancellationToken);

    [Theory]
    [InlineData(NonlinearLeastSquaresMethod.LevenbergMarquardt)]
    [InlineData(NonlinearLeastSquaresMethod.GaussNewton)]
    [InlineData(NonlinearLeastSquaresMethod.SteepestDescent)]
    public void APreCancelledTokenThrows(NonlinearLeastSquaresMethod method)
    {
        Assert.Throws<OperationCanceledException>(() => Fit(method, cancellationToken: new CancellationToken(true)));
    }

    [Theory]
    [InlineData(NonlinearLeastSquaresMethod.LevenbergMarquardt)]
    [InlineData(NonlinearLeastSquaresMethod.GaussNewton)]
    [InlineData(NonlinearLeastSquaresMethod.SteepestDescent)]
    public void ProgressIsMonotonicPerIteration(NonlinearLeastSquaresMethod method)
    {
        var progress = new RecordingProgress();
        var result = Fit(method, progress);
        if (result.Iterations > 1) progress.AssertMonotonic();
        Assert.All(progress.Reports, r => Assert.True(r.Measure >= 0));
        Assert.Equal(Enumerable.Range(1, progress.Reports.Count).Select(i => (long)i), progress.Reports.Select(r => r.Step));
    }
}
