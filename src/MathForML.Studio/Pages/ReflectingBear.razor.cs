using System.Globalization;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using MathForML.Studio.Components.Controls;
using Microsoft.AspNetCore.Components;
using ScottPlot;

namespace MathForML.Studio.Pages;

/// <summary>
/// The "Reflecting Bear" assignment (Linear Algebra, week 4): the learner drags or types the mirror basis; E is the
/// course's Gram-Schmidt of it (<see cref="LinearAlgebra.GramSchmidt.Orthonormalize"/>), T_E = diag(1, −1) and
/// T = E·T_E·E⁻¹ (<see cref="Transformations.Reflection"/>); the bear (<see cref="Bear"/>) and its reflection are
/// redrawn (<see cref="ReflectionPlot.CreateWithBasis"/>) as the basis moves.
/// </summary>
public sealed partial class ReflectingBear
{
    /// <summary>Half the width of the picture's axes: a dragged handle stays inside them.</summary>
    private const double Limit = 5;

    /// <summary>How near (pixels) a press must be to a handle to pick it up.</summary>
    private const double PickRadius = 15;

    private static readonly Matrix[] Parts = Bear.Parts();

    private Matrix _basis = null!;
    private Matrix? _e;
    private readonly Matrix _te = Matrix.Diagonal(1, -1);
    private Matrix? _t;
    private int _dimension;
    private Figure _figure = null!;
    private int _dragging = -1;

    /// <inheritdoc />
    protected override void OnInitialized() => CourseBasis();

    private static string F2(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The course's <c>bearBasis = np.array([[1, -1], [1.5, 2]])</c>.</summary>
    private void CourseBasis() => Set(Matrix.FromRows([1, -1], [1.5, 2]));

    private void Set(Matrix basis)
    {
        _basis = basis;
        var gs = LinearAlgebra.GramSchmidt.Orthonormalize(basis);
        _dimension = gs.Dimension;
        _e = gs.Dimension == 2 ? gs.Basis : null;
        try
        {
            _t = _e is null ? null : Transformations.Reflection(basis);
        }
        catch (ArgumentException)
        {
            _t = null;   // nearly dependent: the library's reflection refuses the basis
            _e = null;
        }
        _figure = ReflectionPlot.CreateWithBasis(Parts, _t, _basis, Limit);
    }

    private void Move(int column, double x, double y)
    {
        var basis = _basis.Clone();
        basis[0, column] = Math.Round(Math.Clamp(x, -Limit, Limit), 2);
        basis[1, column] = Math.Round(Math.Clamp(y, -Limit, Limit), 2);
        Set(basis);
    }

    private void Typed(int row, int column, ChangeEventArgs e)
    {
        if (!Components.Numbers.TryParse(e, out double v))
            return;
        Move(column, row == 0 ? v : _basis[0, column], row == 1 ? v : _basis[1, column]);
    }

    private void Pointer(FigurePointer p)
    {
        switch (p.Phase)
        {
            case PointerPhase.Down:
                _dragging = -1;
                double nearest = PickRadius;
                for (int c = 0; c < 2; c++)
                {
                    double d = p.PixelDistanceTo(new Coordinates(_basis[0, c], _basis[1, c]));
                    if (d <= nearest)
                    {
                        nearest = d;
                        _dragging = c;
                    }
                }
                break;
            case PointerPhase.Drag when _dragging >= 0:
                Move(_dragging, p.Position.X, p.Position.Y);
                break;
            case PointerPhase.Up when _dragging >= 0:
                Move(_dragging, p.Position.X, p.Position.Y);
                _dragging = -1;
                break;
        }
    }
}
