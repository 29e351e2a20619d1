using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using ScottPlot;

namespace MathForML.Studio.Components.Controls;

/// <summary>
/// Shows a <see cref="MathForML.Plots.Figure"/> as inline SVG (drawn by ScottPlot at the figure's size) and, when
/// <see cref="OnPointer"/> is set, turns pointer events on it into data coordinates with the plot's own axes.
/// </summary>
public sealed partial class FigureView
{
    private static long _instances;
    private readonly string _idPrefix = $"fig{Interlocked.Increment(ref _instances)}-";
    private MathForML.Plots.Figure? _drawn;
    private string _svg = "";

    /// <summary>The figure to show; a new figure object redraws it.</summary>
    [Parameter, EditorRequired]
    public MathForML.Plots.Figure Figure { get; set; } = null!;

    /// <summary>A name for the figure (the tests find it by <c>data-figure</c>).</summary>
    [Parameter]
    public string Name { get; set; } = "figure";

    /// <summary>A line under the figure.</summary>
    [Parameter]
    public string? Caption { get; set; }

    /// <summary>The tooltip of the figure when it takes clicks or drags.</summary>
    [Parameter]
    public string? Hint { get; set; }

    /// <summary>Called on a click, a drag step or the end of a drag, with the point in data coordinates.</summary>
    [Parameter]
    public EventCallback<FigurePointer> OnPointer { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_drawn, Figure))
            return;
        _svg = WithUniqueIds(Figure.Plot.GetSvgXml(Figure.Width, Figure.Height), _idPrefix);
        _drawn = Figure;
    }

    /// <summary>
    /// Prefixes every id in <paramref name="svg"/> and every reference to one (<c>url(#…)</c>, <c>href="#…"</c>):
    /// ScottPlot numbers its clip paths and images from zero in each drawing, and two inline drawings on one page
    /// would otherwise share ids, so that one figure showed the other's image.
    /// </summary>
    internal static string WithUniqueIds(string svg, string prefix) => IdReference().Replace(svg, m => m.Groups[1].Value + prefix);

    [System.Text.RegularExpressions.GeneratedRegex("(\\bid=\"|url\\(#|href=\"#)")]
    private static partial System.Text.RegularExpressions.Regex IdReference();

    private Task Report(PointerPhase phase, PointerEventArgs e)
    {
        var plot = _drawn!.Plot;
        var pixel = new Pixel((float)e.OffsetX, (float)e.OffsetY);
        var position = plot.GetCoordinates(pixel);
        return OnPointer.InvokeAsync(new FigurePointer(phase, position, pixel, c => plot.GetPixel(c)));
    }
}
