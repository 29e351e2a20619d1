using MathForML.LinearAlgebra;

namespace MathForML.NeuralNetworks;

/// <summary>
/// Training data for the course network: a closed 2-D curve sampled by the distance travelled along it. The input is
/// t ∈ [0, 1] (one example a column of a 1×N matrix), the target the point (x, y) (a column of a 2×N matrix), scaled
/// into [0.1, 0.9]² so a sigmoid output layer can reach it.
/// </summary>
public static class CurveData
{
    /// <summary>The number of points of the course's <see cref="CourseTrainingData"/>.</summary>
    public const int CoursePoints = 100;

    /// <summary>
    /// The course's <c>training_data()</c> (Multivariate Calculus, week 5, backpropagation assignment), exactly:
    /// tₖ = 0.01·k for k = 0 … 99 (NumPy's <c>arange(0, 1, 0.01)</c>: t = 0 … 0.99, the end point left out) and
    /// y = ([16 sin³(2πt), 13 cos(2πt) − 5 cos(4πt) − 2 cos(6πt) − cos(8πt)]/20 + 1)/2, so y lies in [0, 1] (x₁ in
    /// [0.1, 0.9]; y[:, 0] = (0.5, 0.625), y[:, 25] = (0.9, 0.6)). X is 1×100 and Y 2×100, one example a column, as the
    /// course's network takes them.
    /// </summary>
    /// <remarks>
    /// <see cref="Heart"/> is a different sampling of the same heart: t runs over [0, 1] with both ends and each
    /// coordinate is scaled by one common factor into [0.1, 0.9]², so its points and targets are not the course's.
    /// Equal to NumPy's output to within an ulp or two (sin and cos of two libraries; tests/MathForML.Tests/Reference/heart).
    /// </remarks>
    public static (Matrix X, Matrix Y) CourseTrainingData()
    {
        var x = new Matrix(1, CoursePoints);
        var y = new Matrix(2, CoursePoints);
        for (int k = 0; k < CoursePoints; k++)
        {
            double t = k * 0.01;
            x[0, k] = t;
            double sin = Math.Sin(2 * Math.PI * t);
            double first = 16 * Math.Pow(sin, 3);
            double second = (13 * Math.Cos(2 * Math.PI * t)) - (5 * Math.Cos(4 * Math.PI * t)) - (2 * Math.Cos(6 * Math.PI * t)) - Math.Cos(8 * Math.PI * t);
            y[0, k] = ((first / 20) + 1) / 2;
            y[1, k] = ((second / 20) + 1) / 2;
        }
        return (x, y);
    }

    /// <summary>
    /// The heart x = 16 sin³(2πt), y = 13 cos(2πt) − 5 cos(4πt) − 2 cos(6πt) − cos(8πt), at <paramref name="points"/>
    /// evenly spaced t in [0, 1] (both ends), scaled into [0.1, 0.9]² — the library's own sampling; the course's is
    /// <see cref="CourseTrainingData"/>.
    /// </summary>
    public static (Matrix X, Matrix Y) Heart(int points = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var x = new Matrix(1, points);
        var raw = new Matrix(2, points);
        for (int i = 0; i < points; i++)
        {
            double t = (double)i / (points - 1), a = 2 * Math.PI * t;
            x[0, i] = t;
            raw[0, i] = 16 * Math.Pow(Math.Sin(a), 3);
            raw[1, i] = 13 * Math.Cos(a) - 5 * Math.Cos(2 * a) - 2 * Math.Cos(3 * a) - Math.Cos(4 * a);
        }
        return (x, Scale(raw));
    }

    /// <summary>The Lissajous figure x = sin(2πt), y = sin(4πt) (a figure of eight), at evenly spaced t in [0, 1].</summary>
    public static (Matrix X, Matrix Y) Lissajous(int points = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var x = new Matrix(1, points);
        var raw = new Matrix(2, points);
        for (int i = 0; i < points; i++)
        {
            double t = (double)i / (points - 1);
            x[0, i] = t;
            raw[0, i] = Math.Sin(2 * Math.PI * t);
            raw[1, i] = Math.Sin(4 * Math.PI * t);
        }
        return (x, Scale(raw));
    }

    /// <summary>Maps each row of <paramref name="raw"/> affinely onto [0.1, 0.9], keeping the aspect ratio.</summary>
    private static Matrix Scale(Matrix raw)
    {
        double span = 0;
        var centres = new double[2];
        for (int r = 0; r < 2; r++)
        {
            double lo = double.MaxValue, hi = double.MinValue;
            foreach (double v in raw.RowSpan(r)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            span = Math.Max(span, hi - lo);
            centres[r] = (lo + hi) / 2;
        }
        var y = new Matrix(2, raw.Columns);
        for (int r = 0; r < 2; r++)
            for (int i = 0; i < raw.Columns; i++) y[r, i] = 0.5 + 0.8 * (raw[r, i] - centres[r]) / span;
        return y;
    }
}
