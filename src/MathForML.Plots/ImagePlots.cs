using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// Grey-level pictures of images stored one a row (digits, faces, eigen-images): a titled strip with a label under
/// each image, or one image alone. Each image is scaled to [0, 1] on its own (its darkest pixel black, its lightest
/// white). The shared drawing of <see cref="PcaPlots"/>'s grids.
/// </summary>
public static class ImagePlots
{
    /// <summary>
    /// The rows of <paramref name="images"/> as side×side pictures side by side, under <paramref name="title"/>, with
    /// <paramref name="labels"/> (one per row, or null) written under them.
    /// </summary>
    /// <exception cref="ArgumentException">side² is not the row length, or the label count is not the row count.</exception>
    public static Figure Strip(string title, Matrix images, int side, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(images);
        CheckSide(images.Columns, side);
        if (labels is not null && labels.Count != images.Rows)
            throw new ArgumentException($"{labels.Count} labels for {images.Rows} images.", nameof(labels));
        var grid = Grid(1, images.Rows, side, (_, c) => images.RowSpan(c));
        var plot = new Plot();
        plot.Title(title);
        Draw(plot, grid, side, labels);
        return new Figure(plot, Math.Max(480, 130 * images.Rows + 40), 130 + (labels is null ? 60 : 90));
    }

    /// <summary>One side×side picture (row by row in <paramref name="pixels"/>) under <paramref name="title"/>.</summary>
    public static Figure Single(string title, Vector pixels, int side)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var row = new Matrix(1, pixels.Length);
        pixels.AsSpan().CopyTo(row.RowSpan(0));
        var figure = Strip(title, row, side);
        return new Figure(figure.Plot, 420, 460);
    }

    internal static void CheckSide(int d, int side)
    {
        if (side <= 0 || (long)side * side != d)
            throw new ArgumentException($"An image side of {side} does not fit {d} features; the side must be √D.", nameof(side));
    }

    internal delegate ReadOnlySpan<double> TileSource(int row, int column);

    /// <summary>Tiles side×side images into one array with a 2-pixel gap; each tile is scaled to [0, 1] on its own.</summary>
    internal static double[,] Grid(int rows, int columns, int side, TileSource tile)
    {
        const int Gap = 2;
        var grid = new double[rows * (side + Gap), columns * (side + Gap)];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                var pixels = tile(r, c);
                if (pixels.IsEmpty) continue;
                double lo = double.MaxValue, hi = double.MinValue;
                foreach (var v in pixels) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
                double span = hi > lo ? hi - lo : 1;
                for (int i = 0; i < side; i++)
                    for (int j = 0; j < side; j++)
                        grid[r * (side + Gap) + i, c * (side + Gap) + j] = (pixels[i * side + j] - lo) / span;
            }
        }

        return grid;
    }

    /// <summary>
    /// Draws the image grid with the title kept (a frameless plot would hide it) and, when given, one label under each
    /// column of tiles (tiles of <paramref name="side"/> pixels and a 2-pixel gap).
    /// </summary>
    internal static void Draw(Plot plot, double[,] grid, int side, IReadOnlyList<string>? columnLabels)
    {
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        plot.HideGrid();
        var bottom = columnLabels is null
            ? []
            : columnLabels.Select((label, c) => new Tick(c * (side + 2) + side / 2.0, label)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(bottom);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Top, plot.Axes.Right })
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Axes.Margins(0, 0);
    }
}
