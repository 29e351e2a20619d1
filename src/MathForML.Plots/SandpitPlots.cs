using MathForML.Optimization;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// The course's sandpit revealed: the depth f̂ on [0, 6]² as sand-coloured shading (dark = deep) with contour lines, the phone at the
/// global minimum, and the player's clicks (numbered), their dip-stick arrows and their steepest-descent paths.
/// </summary>
public static class SandpitPlots
{
    private const int Cells = 150;

    /// <summary>Sand from deep (dark, the phone's −9) to the surface (pale, −1), after the course's brown colour map.</summary>
    private static readonly ScottPlot.Colormaps.CustomInterpolated SandColours = new(
    [
        Color.FromHex("#3B2A14"), Color.FromHex("#6E4B22"), Color.FromHex("#A0743A"), Color.FromHex("#CDA365"), Color.FromHex("#F1DDB0"),
    ]);

    /// <summary>A game's clicks: each numbered, with its arrow (unless the game showed depths only), the steps after it and the local minimum it stuck in.</summary>
    /// <param name="sandpit">The sandpit.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="clicks">The clicks, as <see cref="SandpitGame.Click"/> returned them.</param>
    public static Figure Game(Sandpit sandpit, string title, IReadOnlyList<SandpitClick> clicks) => Game(sandpit, title, clicks, reveal: true);

    /// <summary>
    /// A game's clicks, as <see cref="Game(Sandpit, string, IReadOnlyList{SandpitClick})"/>, on the sandpit revealed or,
    /// while the game is played, hidden: plain sand with neither depths, contours nor the phone (the course shows the
    /// sandpit only when the game ends).
    /// </summary>
    /// <param name="sandpit">The sandpit.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="clicks">The clicks, as <see cref="SandpitGame.Click"/> returned them.</param>
    /// <param name="reveal">Whether to show the depths and the phone.</param>
    public static Figure Game(Sandpit sandpit, string title, IReadOnlyList<SandpitClick> clicks, bool reveal)
    {
        ArgumentNullException.ThrowIfNull(sandpit);
        ArgumentNullException.ThrowIfNull(clicks);
        var plot = reveal ? Landscape(sandpit, title) : Hidden(title);
        bool anyPath = false, anyArrow = false;
        foreach (var click in clicks)
        {
            if (click.Steps.Count > 0)
            {
                var path = plot.Add.Scatter(
                    new[] { click.Probe.X }.Concat(click.Steps.Select(s => s.X)).ToArray(),
                    new[] { click.Probe.Y }.Concat(click.Steps.Select(s => s.Y)).ToArray(), Colors.OrangeRed);
                path.LineWidth = 2;
                path.MarkerSize = 6;
                if (!anyPath) path.LegendText = "steps after a click";
                anyPath = true;
            }
            foreach (var probe in click.Steps.Prepend(click.Probe))
            {
                // Arrows shorter than 0.05 (a flat spot) would be all head: the point alone says it.
                if (probe.Arrow is not { } a || !Sandpit.Contains(probe.X, probe.Y) || Math.Sqrt((a[0] * a[0]) + (a[1] * a[1])) < 0.05) continue;
                // The course centres the arrow on the point (its arrow_placement 2).
                var arrow = plot.Add.Arrow(new Coordinates(probe.X - (a[0] / 2), probe.Y - (a[1] / 2)), new Coordinates(probe.X + (a[0] / 2), probe.Y + (a[1] / 2)));
                arrow.ArrowLineColor = arrow.ArrowFillColor = Colors.Black;
                arrow.ArrowWidth = 2;
                arrow.ArrowheadWidth = 11;
                arrow.ArrowheadLength = 12;
                arrow.ArrowheadAxisLength = 12;
                arrow.ArrowLineWidth = 1;
                if (!anyArrow) arrow.LegendText = "dip-stick arrow −J (downhill)";
                anyArrow = true;
            }
        }
        var stuck = clicks.Where(c => c.LocalMinimum is not null).Select(c => c.LocalMinimum!).ToArray();
        if (stuck.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(stuck.Select(p => p[0]).ToArray(), stuck.Select(p => p[1]).ToArray(), Colors.Red);
            marks.MarkerShape = MarkerShape.Eks;
            marks.MarkerSize = 16;
            marks.MarkerLineWidth = 3;
            marks.LegendText = "stuck: a local minimum without the phone";
        }
        AddClicks(plot, clicks.Select(c => (c.Probe.X, c.Probe.Y, c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        if (reveal) AddPhone(plot, sandpit);
        plot.ShowLegend(Edge.Bottom);   // below the square, so it hides no click
        return new Figure(plot, 760, 800);
    }

    /// <summary>Labelled paths (each a list of points, the start first), for comparing strategies from the same clicks.</summary>
    /// <param name="sandpit">The sandpit.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="paths">Each path's legend label and points; paths with the same label share a colour and one legend entry.</param>
    public static Figure Paths(Sandpit sandpit, string title, IReadOnlyList<(string Label, IReadOnlyList<double[]> Points)> paths)
    {
        ArgumentNullException.ThrowIfNull(sandpit);
        ArgumentNullException.ThrowIfNull(paths);
        var plot = Landscape(sandpit, title);
        Color[] palette = [Colors.OrangeRed, Colors.DeepSkyBlue, Colors.Magenta, Colors.White, Colors.Orange];   // bright on dark sand
        var labels = paths.Select(p => p.Label).Distinct().ToList();
        var labelled = new HashSet<string>();
        foreach (var (label, points) in paths)
        {
            var line = plot.Add.Scatter(points.Select(p => p[0]).ToArray(), points.Select(p => p[1]).ToArray(), palette[labels.IndexOf(label) % palette.Length]);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            if (labelled.Add(label)) line.LegendText = label;
        }
        var starts = paths.Select(p => (p.Points[0][0], p.Points[0][1])).Distinct().ToArray();
        AddClicks(plot, starts.Select((s, i) => (s.Item1, s.Item2, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        AddPhone(plot, sandpit);
        plot.ShowLegend(Edge.Bottom);   // below the square, so it hides no click
        return new Figure(plot, 760, 800);
    }

    /// <summary>The depth shading with a colour bar, contour lines, axes x and y on [0, 6] with square units.</summary>
    private static Plot Landscape(Sandpit sandpit, string title)
    {
        var plot = new Plot();
        plot.Title(title);
        var (depth, grid) = Depths.GetValue(sandpit, Sample);
        var heatmap = plot.Add.Heatmap(depth);
        heatmap.Colormap = SandColours;
        heatmap.Extent = new CoordinateRect(0, Sandpit.Size, 0, Sandpit.Size);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "depth (−9 at the phone, −1 at the highest point)";

        var contours = plot.Add.ContourLines(grid, 10);
        contours.LineColor = Colors.Black.WithAlpha(0.5);
        contours.LabelStyle.IsVisible = false;

        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(0, Sandpit.Size, 0, Sandpit.Size);
        plot.Axes.SquareUnits();
        return plot;
    }

    /// <summary>
    /// Each sandpit's sampled depths, computed once and kept while the sandpit lives: an interactive game redraws the same
    /// sandpit after every click (22,500 + 3,721 depth evaluations a drawing otherwise).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Sandpit, Sampled> Depths = new();

    /// <summary>The depths of the shading (row 0 the top, y = 6) and of the contour grid.</summary>
    private sealed record Sampled(double[,] Shading, Coordinates3d[,] Contours);

    private static Sampled Sample(Sandpit sandpit)
    {
        double cell = Sandpit.Size / Cells;
        var depth = new double[Cells, Cells];
        for (int row = 0; row < Cells; row++)
            for (int column = 0; column < Cells; column++)
                depth[row, column] = sandpit.Depth((column + 0.5) * cell, Sandpit.Size - ((row + 0.5) * cell));   // row 0 is the top (y = 6)
        int n = 61;
        var grid = new Coordinates3d[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double x = Sandpit.Size * j / (n - 1), y = Sandpit.Size * i / (n - 1);
                grid[i, j] = new Coordinates3d(x, y, sandpit.Depth(x, y));
            }
        return new Sampled(depth, grid);
    }

    /// <summary>The square as plain sand, axes x and y on [0, 6] with square units: nothing of the depths shows.</summary>
    private static Plot Hidden(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        var sand = plot.Add.Rectangle(0, Sandpit.Size, 0, Sandpit.Size);
        sand.FillColor = Color.FromHex("#E3C48A");
        sand.LineWidth = 0;
        sand.LegendText = "sand (the depths show when the game ends)";   // also keeps the legend, and so the layout, from the first guess on
        plot.XLabel("x");
        plot.YLabel("y");
        plot.Axes.SetLimits(0, Sandpit.Size, 0, Sandpit.Size);
        plot.Axes.SquareUnits();
        return plot;
    }

    private static void AddClicks(Plot plot, (double X, double Y, string Label)[] clicks)
    {
        if (clicks.Length == 0) return;
        var marks = plot.Add.ScatterPoints(clicks.Select(c => c.X).ToArray(), clicks.Select(c => c.Y).ToArray(), Colors.Gold);
        marks.MarkerSize = 12;
        marks.MarkerShape = MarkerShape.FilledCircle;
        marks.MarkerLineColor = Colors.Black;
        marks.MarkerLineWidth = 1.5f;
        marks.LegendText = "clicks (numbered)";
        foreach (var (x, y, label) in clicks)
        {
            var text = plot.Add.Text(label, x, y);
            text.LabelFontSize = 15;
            text.LabelBold = true;
            text.LabelFontColor = Colors.Black;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
            text.OffsetX = 9;
            text.OffsetY = -9;
        }
    }

    private static void AddPhone(Plot plot, Sandpit sandpit)
    {
        var phone = plot.Add.ScatterPoints(new[] { sandpit.Phone[0] }, new[] { sandpit.Phone[1] }, Colors.Lime);
        phone.MarkerShape = MarkerShape.FilledDiamond;
        phone.MarkerSize = 18;
        phone.MarkerLineColor = Colors.Black;
        phone.MarkerLineWidth = 2;
        phone.LegendText = $"phone (global minimum, {sandpit.Phone[0]:F2}, {sandpit.Phone[1]:F2})";
    }
}
