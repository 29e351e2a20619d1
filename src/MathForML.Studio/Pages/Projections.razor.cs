using System.Globalization;
using MathForML.Geometry;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using MathForML.Studio.Components.Controls;
using Microsoft.AspNetCore.Components;
using ScottPlot;

namespace MathForML.Studio.Pages;

/// <summary>
/// The "Orthogonal projections" assignment (PCA, week 3): points of the plane projected onto a line whose direction the
/// learner drags or types (<see cref="Projection.OntoLineMatrix"/>, <see cref="Projection.RowsOntoSubspace"/>), the
/// reconstruction error (<see cref="Projection.SquaredReconstructionError"/>), and the assignment's tests for
/// <c>projection_matrix_1d</c>, <c>project_1d</c>, <c>projection_matrix_general</c> and <c>project_general</c>.
/// </summary>
public sealed partial class Projections
{
    /// <summary>Half the width of the picture's axes: a dragged handle stays inside them.</summary>
    private const double Limit = 3;

    /// <summary>How near (pixels) a press must be to the handle to pick it up.</summary>
    private const double PickRadius = 15;

    /// <summary>A small cloud of points stretched along a diagonal, one per row.</summary>
    private static readonly Matrix Points = Matrix.FromRows(
        [2, 1.2], [1, 0.3], [-1, -0.8], [-2, -1.1], [0.5, 0.9], [-0.5, -0.1], [1.5, 1.6], [-1.5, -1.4], [0.2, -0.6], [-0.3, 0.7]);

    private static readonly Matrix CourseBasis = Matrix.FromRows([1, 0], [1, 1], [1, 2]);

    private readonly Matrix _courseLine = Projection.OntoLineMatrix(Vector.Of(1, 2, 2));
    private readonly Matrix _coursePlane = Projection.OntoSubspaceMatrix(CourseBasis);
    private readonly Vector _courseLinePoint = Projection.OntoLine(Vector.Of(1, 1, 1), Vector.Of(1, 2, 2));
    private readonly Vector _coursePlanePoint = Projection.OntoSubspace(Vector.Of(6, 0, 0), CourseBasis);

    private Vector _b = Vector.Of(2, 1);
    private Matrix? _p;
    private double _error;
    private Figure _figure = null!;
    private bool _dragging;

    private string ErrorText => _p is null
        ? "b = 0 spans no line: choose another direction."
        : $"Reconstruction error J = {F3(_error)} over {Points.Rows} points.";

    /// <inheritdoc />
    protected override void OnInitialized() => Set(_b);

    private static string F2(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F3(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private void Set(Vector b)
    {
        _b = b;
        if (b.Norm() == 0)
        {
            _p = null;
            _figure = ProjectionPlot.Create(Points, Points, b, "b = 0: no line", Limit);
            return;
        }
        var column = Matrix.FromColumns(b);
        _p = Projection.OntoLineMatrix(b);
        _error = Projection.SquaredReconstructionError(Points, column);
        _figure = ProjectionPlot.Create(Points, Projection.RowsOntoSubspace(Points, column), b,
            $"Projection onto span(b): J = {F3(_error)}", Limit);
    }

    private void Move(double x, double y) =>
        Set(Vector.Of(Math.Round(Math.Clamp(x, -Limit, Limit), 2), Math.Round(Math.Clamp(y, -Limit, Limit), 2)));

    private void Typed(int index, ChangeEventArgs e)
    {
        if (!Components.Numbers.TryParse(e, out double v))
            return;
        Move(index == 0 ? v : _b[0], index == 1 ? v : _b[1]);
    }

    private void Pointer(FigurePointer p)
    {
        switch (p.Phase)
        {
            case PointerPhase.Down:
                _dragging = p.PixelDistanceTo(new Coordinates(_b[0], _b[1])) <= PickRadius;
                break;
            case PointerPhase.Drag when _dragging:
                Move(p.Position.X, p.Position.Y);
                break;
            case PointerPhase.Up when _dragging:
                Move(p.Position.X, p.Position.Y);
                _dragging = false;
                break;
        }
    }
}
