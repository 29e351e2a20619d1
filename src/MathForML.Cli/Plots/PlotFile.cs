using MathForML.Data;
using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>Saves ScottPlot figures atomically: rendered to a temporary file in the target folder, then renamed.</summary>
internal static class PlotFile
{
    public static void SavePng(Plot plot, string path, int width, int height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, s => s.Write(bytes));
    }
}
