using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using Microsoft.AspNetCore.Components;
using ScottPlot;

namespace MathForML.Studio.Pages;

/// <summary>
/// Eigenvalues and eigenvectors (Linear Algebra, week 5, leading to the PageRank assignment): a 2×2 matrix on the
/// grid and the unit circle (<see cref="GridTransformPlot"/>), its eigenpairs (<see cref="EigenDecomposition"/>) or
/// its complex eigenvalues, and the power method one step at a time (<see cref="PowerIteration.Dominant"/> run for
/// k steps).
/// </summary>
public sealed partial class Eigenvectors
{
    private static readonly Color[] EigenColors = [Colors.DarkGreen, Colors.Purple];

    // λ = 2 with v ∥ (1, 1) and λ = 0.5 with v ∥ (2, −1).
    private readonly Matrix _a = Matrix.FromRows([1, 1], [0.5, 1.5]);
    private readonly Vector _start = Vector.Of(1, 0);
    private EigenDecomposition _eigen = null!;
    private Matrix? _vectors;
    private int _k;
    private PowerIterationResult? _power;
    private Figure _figure = null!;

    private string PowerText
    {
        get
        {
            if (_start.Norm() == 0) return "The start vector must not be zero.";
            if (_power is null) return $"x0 = ({F(_start[0])}, {F(_start[1])}): press the button to multiply by A.";
            var x = _power.Eigenvector;
            return $"After {_power.Iterations} step{(_power.Iterations == 1 ? "" : "s")}: x = ({F(x[0])}, {F(x[1])}), xᵀAx = {F(_power.Eigenvalue)}.";
        }
    }

    /// <inheritdoc />
    protected override void OnInitialized() => Update();

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private void Set(int row, int column, double value)
    {
        _a[row, column] = value;
        Update();
    }

    private void StartChanged(int index, ChangeEventArgs e)
    {
        if (!Components.Numbers.TryParse(e, out double v))
            return;
        _start[index] = v;
        _k = 0;
        Update();
    }

    private void PowerStep()
    {
        if (_start.Norm() == 0) return;
        _k++;
        Update();
    }

    private void PowerReset()
    {
        _k = 0;
        Update();
    }

    private void Update()
    {
        _eigen = EigenDecomposition.Decompose(_a);
        _vectors = _eigen.IsReal ? _eigen.RealEigenvectors() : null;
        // The power method for k steps: tolerance 0 so it does not stop early.
        _power = _k > 0 && _start.Norm() > 0 ? PowerIteration.Dominant(_a, _start, tolerance: 0, maxIterations: _k) : null;
        var arrows = new List<PlotArrow>();
        if (_vectors is not null)
            for (int j = 0; j < 2; j++)
            {
                double lambda = _eigen.Eigenvalues[j].Real;
                arrows.Add(PlotArrow.FromOrigin(lambda * _vectors[0, j], lambda * _vectors[1, j], $"λ{j + 1}v{j + 1}", EigenColors[j], faint: true));
                arrows.Add(PlotArrow.FromOrigin(_vectors[0, j], _vectors[1, j], $"v{j + 1}", EigenColors[j]));
            }
        if (_start.Norm() > 0)
        {
            if (_power is null) arrows.Add(PlotArrow.FromOrigin(_start[0], _start[1], "x0", Colors.DarkOrange));
            else arrows.Add(PlotArrow.FromOrigin(_power.Eigenvector[0], _power.Eigenvector[1], $"x{_power.Iterations}", Colors.DarkOrange));
        }
        string title = string.Create(CultureInfo.InvariantCulture, $"A = [[{_a[0, 0]:0.0}, {_a[0, 1]:0.0}], [{_a[1, 0]:0.0}, {_a[1, 1]:0.0}]]");
        _figure = GridTransformPlot.Create(_a, title, arrows);
    }
}
