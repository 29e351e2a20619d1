using System.Globalization;
using MathForML.LinearAlgebra;
using MathForML.Plots;
using Microsoft.AspNetCore.Components;

namespace MathForML.Studio.Pages;

/// <summary>
/// The "Identifying special matrices" assignment (Linear Algebra, weeks 2 and 3): the learner's 4×4 matrix taken
/// through the course's <c>fixRowZero</c> … <c>fixRowThree</c> one row operation at a time
/// (<see cref="SingularityTest.Steps"/>), and the course's verdict (<see cref="SingularityTest.IsSingular"/>), with
/// the assignment's singular and regular examples as presets.
/// </summary>
public sealed partial class SpecialMatrices
{
    private static readonly string[] FixRow = ["fixRowZero", "fixRowOne", "fixRowTwo", "fixRowThree"];

    private static readonly (string Name, Matrix A)[] Presets =
    [
        ("The course's singular matrix", Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5])),
        ("The course's regular matrix", Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3])),
        ("Dependent rows: row 3 = row 0 + row 1", Matrix.FromRows([1, 2, 0, 1], [0, 1, 3, 2], [2, 0, 1, 1], [1, 3, 3, 3])),
        ("The identity", Matrix.Identity(4)),
    ];

    private int _preset;
    private Matrix _a = null!;
    private IReadOnlyList<RowOperation> _steps = [];
    private bool _singular;
    private int _shown;
    private Figure _figure = null!;

    private Matrix Current => _shown == 0 ? _a : _steps[_shown - 1].After;

    /// <inheritdoc />
    protected override void OnInitialized() => Load(Presets[0].A);

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    private string StepText
    {
        get
        {
            if (_shown == 0) return $"Operation 0 of {_steps.Count}: A as given.";
            var s = _steps[_shown - 1];
            string what = s.Kind switch
            {
                RowOperationKind.Subtract => $"row {s.Row} ← row {s.Row} − {F(s.Factor)} × row {s.OtherRow}",
                RowOperationKind.AddRowBelow => $"a{s.Row}{s.Row} = 0, so row {s.Row} ← row {s.Row} + row {s.OtherRow}",
                RowOperationKind.Divide => $"row {s.Row} ← row {s.Row} / {F(s.Factor)}",
                _ => $"a{s.Row}{s.Row} = 0 and no row below is left to add: MatrixIsSingular",
            };
            return $"Operation {_shown} of {_steps.Count}, {FixRow[s.Row]}: {what}.";
        }
    }

    private string Verdict
    {
        get
        {
            var last = _steps[^1];
            return _singular
                ? $"isSingular(A) is True: {FixRow[last.Row]} cannot put a non-zero on the diagonal, so the rows are linearly dependent and A has no inverse."
                : "isSingular(A) is False: every row got a one on its diagonal (row echelon form), so the rows are independent and A has an inverse.";
        }
    }

    private void Load(Matrix a)
    {
        _a = a.Clone();
        _steps = SingularityTest.Steps(_a);
        _singular = SingularityTest.IsSingular(_a);
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
        int row = _shown == 0 ? -1 : _steps[_shown - 1].Row;
        string title = _shown == 0 ? "A" : $"After operation {_shown}: {FixRow[row]}";
        _figure = MatrixPlot.Create(Current, title, row, "0.###");
    }
}
