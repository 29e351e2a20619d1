using ScottPlot;

namespace MathForML.Studio.Components.Controls;

/// <summary>What the pointer did on a figure.</summary>
public enum PointerPhase
{
    /// <summary>A button went down (a click or the start of a drag).</summary>
    Down,

    /// <summary>The pointer moved with a button held (a drag).</summary>
    Drag,

    /// <summary>The button came up, or the pointer left the figure while dragging.</summary>
    Up,
}

/// <summary>A pointer event on a <see cref="FigureView"/>, in the plot's own coordinates.</summary>
/// <param name="Phase">Down, drag or up.</param>
/// <param name="Position">Where, in the plot's data coordinates (its x and y axes).</param>
/// <param name="Pixel">Where, in pixels from the figure's top-left corner.</param>
/// <param name="PixelOf">Maps a point in data coordinates to pixels (to find the handle nearest the pointer).</param>
public sealed record FigurePointer(PointerPhase Phase, Coordinates Position, Pixel Pixel, Func<Coordinates, Pixel> PixelOf)
{
    /// <summary>The distance in pixels from the pointer to <paramref name="point"/>.</summary>
    public double PixelDistanceTo(Coordinates point)
    {
        var p = PixelOf(point);
        return Math.Sqrt((p.X - Pixel.X) * (p.X - Pixel.X) + (p.Y - Pixel.Y) * (p.Y - Pixel.Y));
    }
}
