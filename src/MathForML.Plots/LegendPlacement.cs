using ScottPlot;

namespace MathForML.Plots;

/// <summary>Where the legend goes, when there is one.</summary>
internal static class LegendPlacement
{
    /// <summary>
    /// Shows the legend below the axes (so it hides no data) when some plottable has a labelled entry; a legend with no
    /// entries at an edge leaves ScottPlot's picture empty, so then none is shown.
    /// </summary>
    public static void ShowBelowIfAny(Plot plot)
    {
        if (plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText))))
            plot.ShowLegend(Edge.Bottom);
    }
}
