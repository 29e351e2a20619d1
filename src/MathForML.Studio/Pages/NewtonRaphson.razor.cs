using System.Globalization;
using MathForML.Calculus;
using MathForML.Plots;
using MathForML.Studio.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace MathForML.Studio.Pages;

/// <summary>
/// Newton-Raphson and the secant method (Multivariate Calculus, week 5, the Newton-Raphson video and quiz): the course's
/// sextic f(x) = x⁶/6 − 3x⁴ − 2x³/3 + 27x²/2 + 18x − 30 and the cubic x³ − 2x + 2 of the video, a start dragged on the
/// plot, <see cref="Calculus.NewtonRaphson"/>'s tangents and <see cref="Calculus.Secant"/>'s chords drawn by
/// <see cref="RootFindingPlot"/>, the iterates, and starts that fail (a flat tangent, a cycle) with the reason the library gives.
/// </summary>
public sealed partial class NewtonRaphson
{
    private const int MaxRows = 15;

    /// <summary>The course's functions, the interval drawn, and the starts worth trying.</summary>
    internal static readonly (string Name, string Formula, double From, double To, (double Start, string Label)[] Presets)[] Functions =
    [
        ("the course's sextic", "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30", -4, 4,
            [(3.1, "x₀ = 3.1 (the quiz)"), (1.99, "x₀ = 1.99"), (-1, "x₀ = −1 (f′ = 0)")]),
        ("the video's cubic", "x^3 - 2*x + 2", -3, 3,
            [(0, "x₀ = 0 (cycles)"), (-2, "x₀ = −2")]),
    ];

    private int Rows => Math.Min(MaxRows, Math.Max(_newton.Path.Count, _secant.Path.Count));

    private int _function;
    private double _start = 3.1;
    private Expression _expression = null!;
    private Func<double, double> _f = null!;
    private NewtonResult _newton = null!;
    private SecantResult _secant = null!;
    private Figure _newtonFigure = null!;
    private Figure _secantFigure = null!;

    /// <inheritdoc />
    protected override void OnInitialized() => Parse();

    private static string F(double x, string format = "0.000000") => Components.Numbers.Format(x, format);

    private void Parse()
    {
        _expression = Expression.Parse(Functions[_function].Formula, ["x"]);
        var compiled = _expression.Compile(["x"]);
        _f = x => compiled([x]);
        Solve();
    }

    private void Solve()
    {
        var (_, _, from, to, _) = Functions[_function];
        _newton = Calculus.NewtonRaphson.FindRoot(_expression, "x", _start);
        _secant = Secant.Solve(_expression, "x", _start);
        string label = $"f(x) = {_expression}";
        _newtonFigure = RootFindingPlot.Create($"Newton-Raphson from x₀ = {F(_start, "0.##")}", _f, label,
            _newton.Path.Select(p => p[0]).ToArray(), secant: false, from, to) with
        { Width = 520 };
        _secantFigure = RootFindingPlot.Create($"The secant method from x₀ = {F(_start, "0.##")}", _f, label, _secant.Path, secant: true, from, to) with { Width = 520 };
    }

    private string NewtonText()
    {
        double last = _newton.Root[0];
        return _newton.StopReason switch
        {
            NewtonStopReason.ZeroDerivative => $"Newton fails: f′(x) = 0 at x = {F(last)}, so the tangent never meets the axis.",
            NewtonStopReason.Diverged => $"Newton fails: the iterates run away (the last is x = {F(last)}).",
            NewtonStopReason.MaxIterations => $"Newton fails: no root after {_newton.Iterations} iterations (the last is x = {F(last)}).",
            _ => $"Newton: root x = {F(last)} after {_newton.Iterations} iterations.",
        };
    }

    private string SecantText() => _secant.StopReason switch
    {
        SecantStopReason.ZeroSlope => $"Secant fails: a flat chord at x = {F(_secant.Root)}.",
        SecantStopReason.Diverged => "Secant fails: the iterates run away.",
        SecantStopReason.MaxIterations => $"Secant fails: no root after {_secant.Iterations} iterations (the last is x = {F(_secant.Root)}).",
        _ => $"Secant: root x = {F(_secant.Root)} after {_secant.Iterations} iterations ({_secant.FunctionCalls} calls of f).",
    };

    private void FunctionChanged(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < 0 || i >= Functions.Length) return;
        _function = i;
        _start = Functions[i].Presets[0].Start;
        Parse();
    }

    private void StartChanged(double x0)
    {
        _start = x0;
        Solve();
    }

    private void Pointer(FigurePointer p)
    {
        if (p.Phase == PointerPhase.Up) return;
        var (_, _, from, to, _) = Functions[_function];
        StartChanged(Math.Round(Math.Clamp(p.Position.X, from, to), 2));
    }
}
