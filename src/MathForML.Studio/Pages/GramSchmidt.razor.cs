using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using Microsoft.AspNetCore.Components;
using ScottPlot;

namespace MathForML.Studio.Pages;

/// <summary>
/// The Gram-Schmidt assignment (Linear Algebra, week 4): the learner's vectors orthonormalised one course step at a
/// time (<see cref="LinearAlgebra.GramSchmidt.Steps"/>), the dimension they span
/// (<see cref="LinearAlgebra.GramSchmidt.Orthonormalize"/>) and the course's test matrices V, A, B and C.
/// </summary>
public sealed partial class GramSchmidt
{
    /// <summary>A set of vectors the page starts from.</summary>
    /// <param name="Key">A short name (the tests find the course rows by it).</param>
    /// <param name="Name">What the menu shows.</param>
    /// <param name="Call">The course's call, for the table of test matrices.</param>
    /// <param name="A">The vectors as columns.</param>
    /// <param name="CourseDimension">The dimension the course's notebook states, or a dash.</param>
    private sealed record Preset(string Key, string Name, string Call, Matrix A, string CourseDimension);

    private static readonly Preset[] Presets =
    [
        new("plane", "Three vectors in the plane", "", Matrix.FromRows([3, 1, -1], [1, 2, 2]), "–"),
        new("V", "Course V: gsBasis4(V)", "gsBasis4(V)", Matrix.FromRows([1, 0, 2, 6], [0, 1, 8, 2], [2, 8, 3, 1], [1, -6, 2, 3]), "4"),
        new("A", "Course A: dimensions(A)", "dimensions(A)", Matrix.FromRows([3, 2, 3], [2, 5, -1], [2, 4, 8], [12, 2, 1]), "3"),
        new("B", "Course B: dimensions(B)", "dimensions(B)", Matrix.FromRows([6, 2, 1, 7, 5], [2, 8, 5, -4, 1], [1, -6, 3, 2, 8]), "3"),
        new("C", "Course C: dimensions(C)", "dimensions(C)", Matrix.FromRows([1, 0, 2], [0, 1, -3], [1, 0, 2]), "2"),
    ];

    private static readonly Color Given = Colors.Gray;
    private static readonly Color Finished = Colors.SteelBlue;
    private static readonly Color Working = Colors.DarkOrange;
    private static readonly Color Removed = Colors.Crimson;

    private readonly (Preset Preset, int Dimension)[] _course =
        Presets.Skip(1).Select(p => (p, LinearAlgebra.GramSchmidt.Orthonormalize(p.A).Dimension)).ToArray();

    private int _preset;
    private Matrix _a = null!;
    private IReadOnlyList<GramSchmidtStep> _steps = [];
    private GramSchmidtResult _result = null!;
    private int _shown;
    private Figure _figure = null!;

    /// <summary>The columns after the steps shown so far.</summary>
    private Matrix State => _shown == 0 ? _a : _steps[_shown - 1].Basis;

    /// <summary>How many columns are finished (normalised or zero) after the steps shown.</summary>
    private int Done => _shown == 0 ? 0 : _steps[_shown - 1].Column + (_steps[_shown - 1].Kind == GramSchmidtStepKind.Subtract ? 0 : 1);

    private string Caption => _a.Rows == 2
        ? "Grey: the vectors as given; blue: finished unit vectors e; orange: the vector being worked on; red: the projection just removed."
        : $"The vectors are in ℝ{Superscript(_a.Rows)}: the picture shows their first two coordinates only (grey: as given; blue: finished; orange: being worked on; red: removed).";

    /// <inheritdoc />
    protected override void OnInitialized() => Load(Presets[0].A);

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Superscript(int n) => n switch { 2 => "²", 3 => "³", 4 => "⁴", 5 => "⁵", _ => "ⁿ" };

    private string? Current(int column) =>
        _shown > 0 && _steps[_shown - 1].Column == column ? "current" : null;

    private void Load(Matrix a)
    {
        _a = a.Clone();
        _steps = LinearAlgebra.GramSchmidt.Steps(_a);
        _result = LinearAlgebra.GramSchmidt.Orthonormalize(_a);
        _shown = 0;
        Draw();
    }

    private void PresetChanged(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p < Presets.Length)
        {
            _preset = p;
            Load(Presets[p].A);
        }
    }

    private void CellChanged(int row, int column, ChangeEventArgs e)
    {
        if (!Components.Numbers.TryParse(e, out double x))
            return;
        var a = _a.Clone();
        a[row, column] = x;
        Load(a);
    }

    private void Step()
    {
        if (_shown < _steps.Count) _shown++;
        Draw();
    }

    private void All()
    {
        _shown = _steps.Count;
        Draw();
    }

    private void Reset()
    {
        _shown = 0;
        Draw();
    }

    private void Draw()
    {
        var arrows = new List<PlotArrow>();
        var state = State;
        int done = Done;
        for (int c = 0; c < _a.Columns; c++)
            arrows.Add(PlotArrow.FromOrigin(_a[0, c], _a[1, c], c < done ? "" : $"b{c}", Given, faint: true));
        for (int c = 0; c < done; c++)
            if (state[0, c] != 0 || state[1, c] != 0)   // a column set to zero has no arrow
                arrows.Add(PlotArrow.FromOrigin(state[0, c], state[1, c], $"e{c}", Finished));
        string title = "The vectors as given";
        if (_shown > 0)
        {
            var s = _steps[_shown - 1];
            switch (s.Kind)
            {
                case GramSchmidtStepKind.Subtract:
                    arrows.Add(PlotArrow.FromOrigin(s.Removed[0], s.Removed[1], $"(b{s.Column}·e{s.Against})e{s.Against}", Removed));
                    arrows.Add(new PlotArrow(s.Removed[0], s.Removed[1], s.Before[0], s.Before[1], "", Working, Faint: true));
                    arrows.Add(PlotArrow.FromOrigin(s.After[0], s.After[1], $"b{s.Column}", Working));
                    title = $"Subtract the projection of b{s.Column} onto e{s.Against}";
                    break;
                case GramSchmidtStepKind.Normalise:
                    title = $"Normalise b{s.Column}: e{s.Column} = b{s.Column} / {F(s.Coefficient)}";
                    break;
                default:
                    title = $"b{s.Column} is left with nothing: it becomes zero";
                    break;
            }
        }
        _figure = VectorPlot.Create(title, arrows);
    }
}
