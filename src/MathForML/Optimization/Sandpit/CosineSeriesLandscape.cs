using MathForML.Randomness;

namespace MathForML.Optimization;

/// <summary>
/// The course's random landscapes (<c>sandpit_random</c>, <c>sandpit_rocks</c>, <c>sandpit_well</c>): a 4×4 cosine
/// series with amplitudes falling as (nm)⁻² inside the rim (1 − x(x−6)y(y−6)/81)⁷/9, optionally with rocks (a small,
/// ten-times-faster series) or a narrow well (see <see cref="SandpitLandscape"/> for the formulas and draw order).
/// </summary>
internal sealed class CosineSeriesLandscape
{
    private const int Size = 4;

    private readonly double[] _a, _phiX, _phiY;
    private readonly double[]? _b, _thetaX, _thetaY;
    private readonly (double X, double Y)? _well;

    private CosineSeriesLandscape(double[] a, double[] phiX, double[] phiY, double[]? b, double[]? thetaX, double[]? thetaY, (double, double)? well)
    {
        (_a, _phiX, _phiY, _b, _thetaX, _thetaY, _well) = (a, phiX, phiY, b, thetaX, thetaY, well);
    }

    /// <summary>a, φx, φy; then b, θx, θy for rocks; then x₀ = 6U, y₀ = 6U for the well. Each 4×4 array row by row.</summary>
    public static CosineSeriesLandscape Draw(NumPyRandom random, bool rocks, bool well)
    {
        var a = Amplitudes(random);
        var phiX = Phases(random);
        var phiY = Phases(random);
        double[]? b = null, thetaX = null, thetaY = null;
        if (rocks)
        {
            b = Amplitudes(random);
            thetaX = Phases(random);
            thetaY = Phases(random);
        }
        (double, double)? centre = null;
        if (well)
        {
            double x0 = 6 * random.RandomSample();
            double y0 = 6 * random.RandomSample();
            centre = (x0, y0);
        }
        return new CosineSeriesLandscape(a, phiX, phiY, b, thetaX, thetaY, centre);
    }

    /// <summary>rand(4, 4) ⊙ outer(1…4, 1…4)⁻²: entry (n, m) is U/((n+1)(m+1))², as NumPy computes it (U·(k⁻²)).</summary>
    private static double[] Amplitudes(NumPyRandom random)
    {
        var a = random.Rand(Size * Size);
        for (int n = 0; n < Size; n++)
            for (int m = 0; m < Size; m++)
            {
                double outer = (n + 1.0) * (m + 1.0);
                a[(n * Size) + m] *= Math.Pow(outer, -2);
            }
        return a;
    }

    private static double[] Phases(NumPyRandom random)
    {
        var p = random.Rand(Size * Size);
        for (int k = 0; k < p.Length; k++) p[k] = 2 * Math.PI * p[k];
        return p;
    }

    public double Evaluate(double x, double y)
    {
        double total = 0;
        for (int n = 0; n < Size; n++)
            for (int m = 0; m < Size; m++)
            {
                int k = (n * Size) + m;
                total += _a[k] * Math.Cos((Math.PI * n * x / 6) + _phiX[k]) * Math.Cos((Math.PI * m * y / 6) + _phiY[k]);
            }
        total += Math.Pow(1 - (x * (x - 6) * y * (y - 6) / 81), 7) / 9;
        if (_b is not null)
        {
            for (int n = 0; n < Size; n++)
                for (int m = 0; m < Size; m++)
                {
                    int k = (n * Size) + m;
                    total += _b[k] / 25 * Math.Cos((10 * Math.PI * n * x / 6) + _thetaX![k]) * Math.Cos((10 * Math.PI * m * y / 6) + _thetaY![k]);
                }
        }
        if (_well is var (x0, y0))
        {
            double dx = x - x0, dy = y - y0;
            total -= 0.6 * Math.Exp(-((dx * dx) + (dy * dy)) / (2 * (0.2 * 0.2)));
        }
        return total;
    }
}
