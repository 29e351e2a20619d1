using System.Numerics;
using MathForML.Randomness;

namespace MathForML.NeuralNetworks;

/// <summary>
/// Data augmentation for images stored one a row (row by row, <see cref="Width"/> × <see cref="Height"/> pixels): each
/// training sample is moved by a random whole-pixel shift of up to <see cref="MaxShift"/> in each direction every time
/// it is drawn, the uncovered border filled with zeros. The network then sees slightly different digits each epoch,
/// which helps a small training set generalise (Simard, Steinkraus &amp; Platt, ICDAR 2003).
/// </summary>
public sealed record ImageShift(int Width, int Height, int MaxShift = 2)
{
    /// <summary>Shifts each of the <paramref name="rows"/> images of <paramref name="batch"/> in place.</summary>
    internal void Apply<T>(Span<T> batch, int rows, ref SeededRandom random, Span<T> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int pixels = Width * Height;
        if (batch.Length != rows * pixels)
            throw new ArgumentException($"Images of {Width}×{Height} = {pixels} pixels do not match rows of {batch.Length / Math.Max(rows, 1)} features.", nameof(batch));
        for (int r = 0; r < rows; r++)
        {
            int dx = random.NextInt(2 * MaxShift + 1) - MaxShift, dy = random.NextInt(2 * MaxShift + 1) - MaxShift;
            if (dx == 0 && dy == 0) continue;
            var image = batch.Slice(r * pixels, pixels);
            image.CopyTo(scratch);
            image.Clear();
            for (int y = Math.Max(0, dy); y < Math.Min(Height, Height + dy); y++)
            {
                int x0 = Math.Max(0, dx), x1 = Math.Min(Width, Width + dx);
                scratch.Slice(((y - dy) * Width) + x0 - dx, x1 - x0).CopyTo(image.Slice((y * Width) + x0, x1 - x0));
            }
        }
    }
}
