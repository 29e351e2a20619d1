using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>Draws shapes, their images under a reflection T and the mirror line to a PNG.</summary>
internal static class ReflectionPlot
{
    public static void Save(string path, IReadOnlyList<Matrix> parts, Matrix reflection, Vector mirrorDirection)
    {
        var plot = new Plot();
        plot.Title("Reflecting bear: T = E·diag(1, −1)·E^T");
        for (int i = 0; i < parts.Count; i++)
        {
            var image = reflection * parts[i];
            var shape = plot.Add.Scatter(parts[i].Row(0).ToArray(), parts[i].Row(1).ToArray(), Colors.SaddleBrown);
            var mirrored = plot.Add.Scatter(image.Row(0).ToArray(), image.Row(1).ToArray(), Colors.SteelBlue);
            shape.MarkerSize = mirrored.MarkerSize = 0;
            shape.LineWidth = mirrored.LineWidth = 2;
            if (i == 0) { shape.LegendText = "bear"; mirrored.LegendText = "reflection"; }
        }
        var d = mirrorDirection.Normalize() * 5;
        var line = plot.Add.Line(-d[0], -d[1], d[0], d[1]);
        line.LegendText = "mirror";
        line.LinePattern = LinePattern.Dashed;
        plot.Axes.SquareUnits();
        plot.ShowLegend();
        PlotFile.SavePng(plot, path, 640, 640);
    }
}
