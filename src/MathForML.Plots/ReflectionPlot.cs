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
        plot.XLabel("x");
        plot.YLabel("y");
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

    /// <summary>
    /// The bear, its image and the mirror as in <see cref="Create"/>, with the two mirror basis vectors drawn as arrows
    /// from the origin ending in round handles, on fixed axes from −<paramref name="limit"/> to <paramref name="limit"/>
    /// (so a point dragged on the picture keeps its place while it is redrawn).
    /// </summary>
    /// <param name="parts">Closed polygons, each a 2×n matrix whose columns are points.</param>
    /// <param name="reflection">The 2×2 reflection T, or null when the basis gives no mirror (only the bear is drawn).</param>
    /// <param name="basis">The 2×2 mirror basis: column 0 lies along the mirror, column 1 completes the basis.</param>
    /// <param name="limit">Half the width of the square axes.</param>
    /// <param name="size">Width and height in pixels.</param>
    public static Figure CreateWithBasis(IReadOnlyList<Matrix> parts, Matrix? reflection, Matrix basis, double limit = 5, int size = 560)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(basis);
        var plot = new Plot();
        plot.Title(reflection is null ? "Dependent basis vectors: no mirror" : "Reflecting bear: T = E·T_E·E^-1");
        plot.XLabel("x");
        plot.YLabel("y");
        for (int i = 0; i < parts.Count; i++)
        {
            var shape = plot.Add.Scatter(parts[i].Row(0).ToArray(), parts[i].Row(1).ToArray(), Colors.SaddleBrown);
            shape.MarkerSize = 0;
            shape.LineWidth = 2;
            if (i == 0) shape.LegendText = "bear";
            if (reflection is null) continue;
            var image = reflection * parts[i];
            var mirrored = plot.Add.Scatter(image.Row(0).ToArray(), image.Row(1).ToArray(), Colors.SteelBlue);
            mirrored.MarkerSize = 0;
            mirrored.LineWidth = 2;
            if (i == 0) mirrored.LegendText = "reflection";
        }

        var along = basis.Column(0);
        if (reflection is not null && along.Norm() > 0)
        {
            var d = along.Normalize() * (limit * 1.5);
            var line = plot.Add.Line(-d[0], -d[1], d[0], d[1]);
            line.LegendText = "mirror";
            // Solid, not dashed: the Studio draws this as SVG, where SkiaSharp has no dash effect (and logs a warning).
            line.LineColor = Colors.Gray.WithAlpha(0.7);
            line.LineWidth = 1.5f;
        }

        Color[] colors = [Colors.DarkGreen, Colors.Purple];
        for (int c = 0; c < 2; c++)
        {
            double x = basis[0, c], y = basis[1, c];
            if (x != 0 || y != 0)
            {
                var stem = plot.Add.Line(0, 0, x, y);
                stem.LineColor = colors[c];
                stem.LineWidth = 3;
            }
            var handle = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 14, colors[c]);
            handle.LegendText = c == 0 ? "b0 (along the mirror)" : "b1";
        }

        plot.Axes.SetLimits(-limit, limit, -limit, limit);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.LowerRight);
        return new Figure(plot, size, size);
    }
}
