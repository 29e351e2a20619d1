using System.Globalization;
using MathForML.Calculus;
using MathForML.Plots;
using MathForML.Studio.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace MathForML.Studio.Pages;

/// <summary>
/// Taylor series (Multivariate Calculus, week 4, the Taylor series videos and quizzes): the course's functions (cos x,
/// eˣ, 1/x about 1, ln x, sin x) or a formula of the learner's, expanded by <see cref="TaylorSeries.Expand"/> about a
/// point dragged on the plot, to an order from 0 to 10; the function and the polynomial drawn by <see cref="TaylorPlot"/>.
/// </summary>
public sealed partial class Taylor
{
    /// <summary>The course's examples: the name, the formula, the point, and the interval drawn.</summary>
    internal static readonly (string Name, string Formula, double Point, double From, double To)[] Examples =
    [
        ("cos x (Maclaurin)", "cos(x)", 0, -6, 6),
        ("eˣ (Maclaurin)", "exp(x)", 0, -4, 4),
        ("1/x about 1", "1/x", 1, -1, 4),
        ("ln x about 1", "ln(x)", 1, -1, 4),
        ("sin x (Maclaurin)", "sin(x)", 0, -6, 6),
        ("e^(−x²)", "exp(-x^2)", 0, -3, 3),
    ];

    private int _example;
    private string _formula = Examples[0].Formula;
    private double _point = Examples[0].Point;
    private double _order = 2;
    private Func<double, double> _f = Math.Cos;
    private Expression? _expression;
    private TaylorSeries? _series;
    private string? _error;
    private double _probe;
    private Figure _figure = null!;

    /// <inheritdoc />
    protected override void OnInitialized() => Parse();

    private static string F(double x, string format = "0.000000") => Components.Numbers.Format(x, format);

    private void Parse()
    {
        try
        {
            _expression = Expression.Parse(_formula, ["x"]);
            var compiled = _expression.Compile(["x"]);
            _f = x => compiled([x]);
            _error = null;
        }
        catch (Exception e) when (e is ExpressionParseException or ExpressionTooLargeException)
        {
            _expression = null;
            _error = e.Message;
        }
        Expand();
    }

    private void Expand()
    {
        var example = Examples[_example];
        _series = null;
        if (_expression is not null)
        {
            try
            {
                _series = TaylorSeries.Expand(_expression, "x", _point, (int)_order);
                _error = null;
            }
            catch (ArgumentException e)
            {
                _error = e.Message;
            }
        }
        // The values are shown one unit to the right of a, where the polynomial's error shows.
        _probe = _point + 1;
        string label = $"f(x) = {_expression?.ToString() ?? _formula}";
        _figure = TaylorPlot.Create(_series is null ? label : $"Order {(int)_order} about a = {F(_point, "0.##")}",
            _expression is null ? (_ => double.NaN) : _f, label, _series, example.From, example.To);
    }

    private void ExampleChanged(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < 0 || i >= Examples.Length) return;
        _example = i;
        _formula = Examples[i].Formula;
        _point = Examples[i].Point;
        Parse();
    }

    private void FormulaChanged(ChangeEventArgs e)
    {
        _formula = e.Value?.ToString() ?? "";
        Parse();
    }

    private void PointChanged(double a)
    {
        _point = a;
        Expand();
    }

    private void OrderChanged(double n)
    {
        _order = n;
        Expand();
    }

    private void Pointer(FigurePointer p)
    {
        var example = Examples[_example];
        if (p.Phase == PointerPhase.Up) return;
        _point = Math.Round(Math.Clamp(p.Position.X, example.From, example.To), 2);
        Expand();
    }
}
