using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>Draws a shape, its reflection and the mirror line to a PNG.</summary>
internal static class ReflectionPlot
{
    public static void Save(string path, Matrix shape, Matrix reflected, Vector mirrorDirection)
    {
        var plot = new Plot();
        plot.Title("Reflecting bear: T = E·diag(1, −1)·E^T");
        var original = plot.Add.Scatter(shape.Row(0).ToArray(), shape.Row(1).ToArray());
        original.LegendText = "bear";
        original.MarkerSize = 0;
        original.LineWidth = 2;
        var mirrored = plot.Add.Scatter(reflected.Row(0).ToArray(), reflected.Row(1).ToArray());
        mirrored.LegendText = "reflection";
        mirrored.MarkerSize = 0;
        mirrored.LineWidth = 2;
        var d = mirrorDirection.Normalize() * 4;
        var line = plot.Add.Line(-d[0], -d[1], d[0], d[1]);
        line.LegendText = "mirror";
        line.LinePattern = LinePattern.Dashed;
        plot.Axes.SquareUnits();
        plot.ShowLegend();
        PlotFile.SavePng(plot, path, 640, 640);
    }
}
