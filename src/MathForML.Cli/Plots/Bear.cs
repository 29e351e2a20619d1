using MathForML.LinearAlgebra;

namespace MathForML.Cli.Plots;

/// <summary>The outline of a simple bear's head (ears, face, snout) as a closed polygon, points as the columns of a 2×n matrix.</summary>
internal static class Bear
{
    public static Matrix Outline()
    {
        // Face: an ellipse; ears: two circles on top; the outline runs around the union, sampled densely.
        var xs = new List<double>();
        var ys = new List<double>();
        void Arc(double cx, double cy, double rx, double ry, double from, double to, int steps)
        {
            for (int i = 0; i <= steps; i++)
            {
                double t = from + (to - from) * i / steps;
                xs.Add(cx + rx * Math.Cos(t));
                ys.Add(cy + ry * Math.Sin(t));
            }
        }
        Arc(2.0, 1.0, 1.0, 0.85, -0.55 * Math.PI, 0.33 * Math.PI, 30);   // right cheek up to the right ear
        Arc(2.65, 1.85, 0.35, 0.35, -0.35 * Math.PI, 0.95 * Math.PI, 20); // right ear
        Arc(2.0, 1.0, 1.0, 0.85, 0.42 * Math.PI, 0.58 * Math.PI, 8);     // top of the head
        Arc(1.35, 1.85, 0.35, 0.35, 0.05 * Math.PI, 1.35 * Math.PI, 20);  // left ear
        Arc(2.0, 1.0, 1.0, 0.85, 0.67 * Math.PI, 1.45 * Math.PI, 30);    // left cheek down to the chin
        xs.Add(xs[0]);
        ys.Add(ys[0]);
        var m = new Matrix(2, xs.Count);
        for (int j = 0; j < xs.Count; j++) { m[0, j] = xs[j]; m[1, j] = ys[j]; }
        return m;
    }
}
