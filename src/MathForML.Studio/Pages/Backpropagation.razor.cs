using System.Globalization;
using System.Text;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Plots;
using MathForML.Randomness;

namespace MathForML.Studio.Pages;

/// <summary>
/// Multivariate Calculus, week 3 (backpropagation): the course's 1-6-7-2 network (<see cref="CourseNetwork"/>, drawn
/// as <c>reset_network</c> from NumPy's generator) learning the course's heart (<see cref="CurveData.CourseTrainingData"/>)
/// by the course's loop (<see cref="CourseNetwork.TrainAsCourse"/>), live in the background: start, pause, 100 steps,
/// aggression and noise, the cost falling, the six Jacobians on request.
/// </summary>
public sealed partial class Backpropagation
{
    /// <summary>Updates per chunk of the background loop (the picture is redrawn after each).</summary>
    internal const int Chunk = 100;

    private static readonly (Matrix X, Matrix Y) Heart = CurveData.CourseTrainingData();

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closed = new();
    private CancellationTokenSource? _run;
    private bool _running;
    private double _aggression = 7, _noise;
    private uint _seed = 1;
    private CourseNetwork _network = null!;
    private NumPyRandom _random = null!;
    private List<(int Iteration, double Cost)> _costs = [];
    private int _steps;
    private double _cost;
    private bool _showJacobians;
    private CourseGradients? _jacobians;
    private Figure _curve = null!, _costFigure = null!;

    /// <summary>The network the course's <c>reset_network</c> draws with seed <paramref name="seed"/>.</summary>
    internal static CourseNetwork Network(uint seed) => new(new NumPyRandom(seed));

    /// <inheritdoc />
    protected override void OnInitialized() => Reset();

    private void Reset()
    {
        _network = Network(_seed);
        _random = new NumPyRandom(_seed);
        _steps = 0;
        _cost = _network.Cost(Heart.X, Heart.Y);
        _costs = [(0, _cost)];
        Redraw();
    }

    private void SeedChanged(Microsoft.AspNetCore.Components.ChangeEventArgs e)
    {
        if (uint.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out uint seed))
        {
            _seed = seed;
            Reset();
        }
    }

    /// <summary>One chunk of the course's loop: <see cref="Chunk"/> updates (the course's count is one less).</summary>
    private void Train(CancellationToken cancellationToken)
    {
        _network.TrainAsCourse(Heart.X, Heart.Y, _random, Chunk - 1, _aggression, _noise, cancellationToken: cancellationToken);
        _steps += Chunk;
        _cost = _network.Cost(Heart.X, Heart.Y);
        _costs.Add((_steps, _cost));
        Redraw();
    }

    private void Step100() => Train(CancellationToken.None);

    private void StartOrPause()
    {
        if (_running)
        {
            _run?.Cancel();
            return;
        }

        _running = true;
        var run = _run = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        _ = Task.Run(async () =>
        {
            try
            {
                while (!run.IsCancellationRequested)
                {
                    // The network, its figures and the numbers change on this thread only while it runs.
                    lock (_lock) Train(run.Token);
                    await InvokeAsync(StateHasChanged);
                    await Task.Delay(15, run.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Paused, or the page closed.
            }
            finally
            {
                _running = false;
                if (!_closed.IsCancellationRequested) await InvokeAsync(StateHasChanged);
            }
        });
    }

    private void ToggleJacobians()
    {
        _showJacobians = !_showJacobians;
        if (_showJacobians) lock (_lock) _jacobians = _network.Gradients(Heart.X, Heart.Y);
    }

    private void Redraw()
    {
        var training = new CourseTraining(_costs.ToList());
        _curve = TrainingPlots.CourseCurve(_network, Heart.Y, training) with { Width = 460, Height = 460 };
        _costFigure = TrainingPlots.CourseCost(training) with { Width = 460, Height = 300 };
        if (_showJacobians) _jacobians = _network.Gradients(Heart.X, Heart.Y);
    }

    /// <summary>A matrix as rows of numbers, 4 significant digits.</summary>
    private static string Format(Matrix m)
    {
        var text = new StringBuilder();
        for (int i = 0; i < m.Rows; i++)
        {
            for (int j = 0; j < m.Columns; j++)
                text.Append(m[i, j].ToString("+0.000e+0;-0.000e+0", CultureInfo.InvariantCulture)).Append(j + 1 < m.Columns ? "  " : "");
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closed.Cancel();
        _run?.Cancel();
    }
}
