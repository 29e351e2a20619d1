using MathForML.Data;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>
/// A picture and the size it is meant to be drawn at. The factories of this library (<see cref="PcaPlots"/>,
/// <see cref="FitPlots"/>, <see cref="RankBarPlot"/>, <see cref="TrainingPlots"/>, <see cref="ReflectionPlot"/>) return
/// figures, so a program can change the ScottPlot <see cref="Plot"/> before saving it, or show it its own way.
/// </summary>
/// <param name="Plot">The ScottPlot plot.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record Figure(Plot Plot, int Width, int Height)
{
    /// <summary>
    /// Saves the figure as PNG, or as SVG when <paramref name="path"/> ends in <c>.svg</c>. The file is written to a
    /// temporary name in the same folder and renamed, so a failure never leaves a half-written picture.
    /// </summary>
    /// <returns><paramref name="path"/>.</returns>
    public string Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            var svg = Plot.GetSvgXml(Width, Height);
            AtomicFile.WriteText(path, w => w.Write(svg));
        }
        else
        {
            var bytes = Plot.GetImageBytes(Width, Height, ImageFormat.Png);
            AtomicFile.Write(path, s => s.Write(bytes));
        }

        return path;
    }
}
