using MathForML.LinearAlgebra;

namespace MathForML.Data;

/// <summary>A simple bear (head, ears, snout, eyes) as closed polygons, each a 2×n matrix whose columns are points.</summary>
public static class Bear
{
    /// <summary>The parts of the bear: head, two ears, snout and two eyes.</summary>
    public static Matrix[] Parts() =>
    [
        Circle(2.5, 2.0, 1.0, 60), Circle(1.8, 2.9, 0.35, 30), Circle(3.2, 2.9, 0.35, 30),
        Circle(2.5, 1.7, 0.3, 30), Circle(2.15, 2.3, 0.08, 12), Circle(2.85, 2.3, 0.08, 12),
    ];

    private static Matrix Circle(double cx, double cy, double r, int n)
    {
        var m = new Matrix(2, n + 1);
        for (int i = 0; i <= n; i++)
        {
            double a = 2 * Math.PI * i / n;
            m[0, i] = cx + r * Math.Cos(a);
            m[1, i] = cy + r * Math.Sin(a);
        }
        return m;
    }
}
