using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>Shapes, their images under a reflection T and the mirror line (the course's reflecting bear).</summary>
public static class ReflectionPlot
{
    /// <summary>Draws each part, its image T·part and the mirror through the origin along <paramref name="mirrorDirection"/>.</summary>
    /// <param name="parts">Closed polygons, each a 2×n matrix whose columns are points.</param>
    /// <param name="reflection">The 2×2 reflection T = E·diag(1, −1)·Eᵀ.</param>
    /// <param name="mirrorDirection">A vector along the mirror.</param>
    public static Figure Create(IReadOnlyList<Matrix> parts, Matrix reflection, Vector mirrorDirection)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(reflection);
        ArgumentNullException.ThrowIfNull(mirrorDirection);
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
        return new Figure(plot, 640, 640);
    }
}
