using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// One sample of each label above its PCA reconstruction from K components, x̂ = μ + Σₖ₌₁ᴷ ((x − μ)·vₖ) vₖ (PCA course,
/// week 4): how much of a digit K eigen-images keep.
/// </summary>
public static class ReconstructionPlot
{
    /// <summary>Draws the originals (top row) and their reconstructions from <paramref name="components"/> components (bottom row).</summary>
    /// <param name="p">The fitted PCA.</param>
    /// <param name="x">The samples, one a row, side² features.</param>
    /// <param name="labels">Their labels: the first sample of each of up to 10 labels is drawn; null draws the first 10 rows.</param>
    /// <param name="side">The images' side in pixels.</param>
    /// <param name="components">K, 0 … <see cref="Pca.ComponentCount"/>.</param>
    /// <returns>A figure 60 pixels wide a sample, two rows high.</returns>
    public static Figure Create(Pca p, Matrix x, IReadOnlyList<int>? labels, int side, int components)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(x);
        ImagePlots.CheckSide(x.Columns, side);
        ArgumentOutOfRangeException.ThrowIfNegative(components);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components, p.ComponentCount);
        var rows = labels is null
            ? Enumerable.Range(0, Math.Min(10, x.Rows)).ToArray()
            : labels.Select((label, i) => (label, i)).GroupBy(t => t.label).OrderBy(g => g.Key).Take(10).Select(g => g.First().i).ToArray();
        var sample = new Matrix(rows.Length, x.Columns);
        for (int r = 0; r < rows.Length; r++) x.RowSpan(rows[r]).CopyTo(sample.RowSpan(r));
        var reconstructed = p.Reconstruct(sample, components);
        var grid = ImagePlots.Grid(2, rows.Length, side, (r, c) => r == 0 ? sample.RowSpan(c) : reconstructed.RowSpan(c));
        var plot = new Plot();
        plot.Title($"Above: the images. Below: from K = {components}");
        ImagePlots.Draw(plot, grid, side, null);
        return new Figure(plot, Math.Max(420, 52 * rows.Length + 40), 170);
    }
}
