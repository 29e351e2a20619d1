using System.Globalization;
using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// A matrix drawn as a grid of coloured cells with its numbers written in them (red positive, blue negative, white
/// zero), one row optionally outlined: the row operations of the course's singularity test.
/// </summary>
public static class MatrixPlot
{
    /// <summary>Draws <paramref name="matrix"/> with row 0 at the top.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="highlightRow">A row to outline, or −1 for none.</param>
    /// <param name="format">How each entry is written.</param>
    /// <param name="cell">The side of a cell in pixels.</param>
    public static Figure Create(Matrix matrix, string title, int highlightRow = -1, string format = "0.##", int cell = 80)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int rows = matrix.Rows, columns = matrix.Columns;
        var plot = new Plot();
        // The title is written in the data area: hiding the axes would hide a plot title too.
        var heading = plot.Add.Text(title, columns / 2.0, rows + 0.3);
        heading.LabelAlignment = Alignment.MiddleCenter;
        heading.LabelFontSize = 18;
        heading.LabelBold = true;
        double scale = Math.Max(matrix.MaxAbs(), 1e-300);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double v = matrix[r, c];
                double top = rows - r, bottom = top - 1;
                var box = plot.Add.Rectangle(c, c + 1, bottom, top);
                var hue = v >= 0 ? Colors.Crimson : Colors.RoyalBlue;
                box.FillColor = v == 0 ? Colors.White : hue.WithAlpha(0.12 + 0.5 * Math.Abs(v) / scale);
                box.LineColor = Colors.LightGray;
                var text = plot.Add.Text(v.ToString(format, CultureInfo.InvariantCulture), c + 0.5, bottom + 0.5);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 16;
                text.LabelFontColor = Colors.Black;
            }
            var label = plot.Add.Text($"row {r}", -0.1, rows - r - 0.5);
            label.LabelAlignment = Alignment.MiddleRight;
            label.LabelFontSize = 14;
        }

        if (highlightRow >= 0 && highlightRow < rows)
        {
            var outline = plot.Add.Rectangle(0, columns, rows - highlightRow - 1, rows - highlightRow);
            outline.FillColor = Colors.Transparent;
            outline.LineColor = Colors.DarkOrange;
            outline.LineWidth = 4;
        }

        plot.Axes.SetLimits(-1.1, columns + 0.1, -0.1, rows + 0.6);
        plot.HideAxesAndGrid();
        return new Figure(plot, (columns + 1) * cell + 40, rows * cell + cell / 2 + 40);
    }
}
