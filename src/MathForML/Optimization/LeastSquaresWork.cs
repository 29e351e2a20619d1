using MathForML.LinearAlgebra;
using MathForML.Numerics;

namespace MathForML.Optimization;

/// <summary>
/// What the least-squares solvers share: the model, the data, the current parameters b, residuals r = y − f(b),
/// S = ‖r‖², the Jacobian J = ∂f/∂b, evaluation counters and the optional path.
/// </summary>
internal sealed class LeastSquaresWork
{
    public LeastSquaresWork(RegressionModel model, double[] y, double[] start, bool recordPath,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        _progress = progress;
        _cancellationToken = cancellationToken;
        Model = model;
        Y = y;
        N = y.Length;
        K = start.Length;
        B = (double[])start.Clone();
        R = new double[N];
        J = new Matrix(N, K);
        _f = new double[N];
        RecordPath = recordPath;
    }

    private readonly double[] _f;
    private readonly IProgress<WorkProgress>? _progress;
    private readonly CancellationToken _cancellationToken;

    /// <summary>
    /// Called by each solver before its iteration <paramref name="iteration"/> (from 1): checks the token, and reports the
    /// previous iteration's S with the fraction of the iteration limit used (an upper bound on the work left).
    /// </summary>
    public void BeginIteration(int iteration, int maxIterations)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (iteration > 1) _progress?.Report(new WorkProgress("iterating", (double)(iteration - 1) / maxIterations, iteration - 1, S));
    }

    public RegressionModel Model { get; }

    public double[] Y { get; }

    public int N { get; }

    public int K { get; }

    public double[] B { get; }

    public double[] R { get; }

    public double S { get; set; }

    public Matrix J { get; }

    public int FunctionEvaluations { get; private set; }

    public int JacobianEvaluations { get; private set; }

    public bool RecordPath { get; }

    public List<double[]> Path { get; } = [];

    public List<double> PathS { get; } = [];

    /// <summary>Residuals and S at <paramref name="b"/> into <paramref name="r"/>; returns S (NaN or ∞ when the model is not finite).</summary>
    public double Residuals(ReadOnlySpan<double> b, double[] r)
    {
        FunctionEvaluations++;
        Model.Evaluate(b, _f);
        double s = 0;
        for (int i = 0; i < N; i++)
        {
            r[i] = Y[i] - _f[i];
            s += r[i] * r[i];
        }
        return double.IsFinite(s) ? s : double.PositiveInfinity;
    }

    /// <summary>J at the current b.</summary>
    public void UpdateJacobian()
    {
        JacobianEvaluations++;
        Model.Jacobian(B, J);
    }

    public void Record()
    {
        if (!RecordPath) return;
        Path.Add((double[])B.Clone());
        PathS.Add(S);
    }
}
