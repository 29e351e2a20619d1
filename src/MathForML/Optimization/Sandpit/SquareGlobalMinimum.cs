namespace MathForML.Optimization;

/// <summary>
/// The global minimum of a smooth f(x, y) on a square [low, high]², deterministically: where the course's sandpit calls
/// SciPy's <c>differential_evolution</c> (random, polished by L-BFGS-B), this scans a grid and polishes the best cells
/// with a bound-constrained Newton method, so the same landscape always hides its phone in the same place.
/// </summary>
/// <remarks>
/// <para>
/// 1. Grid: f on (n + 1)² points with spacing (high − low)/n, n = 120 (0.05 on the sandpit's [0, 6]: eight points
/// a period of the fastest term of the course's landscapes, the rocks' cos(10π·3x/6), period 0.4).
/// 2. Candidates: the grid's discrete local minima (no lower of the eight neighbours), the <see cref="Candidates"/>
/// lowest of them; a basin narrower than the grid spacing can be missed, as by any sampling method.
/// 3. Polish: projected Newton (Bertsekas, "Projected Newton methods for optimization problems with simple
/// constraints", SIAM J. Control Optim. 20, 1982): a coordinate at a bound whose derivative pushes outward is held
/// there; on the free coordinates the Newton step −H⁻¹g (the gradient step where H is not positive definite),
/// projected onto the square, with Armijo backtracking; a Newton step shorter than 10⁻³ is taken whole, so that the
/// iterates reach the zero of the difference gradient rather than stalling where f stops changing in its last bits.
/// g and H are central differences of f with steps 10⁻⁵ and 10⁻⁴ (errors about 10⁻¹¹ in g, so ~10⁻¹⁰ in position
/// where the curvature is of order one).
/// </para>
/// <para>
/// Cost: about 1.5·10⁴ evaluations of f for the grid and a few hundred for the polish. Checked against SciPy 1.10's
/// differential_evolution (five seeds, best kept, polished by L-BFGS-B) on the course's landscapes to 10⁻⁶ in position:
/// tests/MathForML.Tests/Reference/sandpit/make_sandpit.py.
/// </para>
/// </remarks>
public static class SquareGlobalMinimum
{
    /// <summary>Grid intervals along each side.</summary>
    public const int GridIntervals = 120;

    /// <summary>How many of the grid's lowest local minima are polished.</summary>
    public const int Candidates = 6;

    private const double GradientStep = 1e-5;
    private const double HessianStep = 1e-4;
    private const int MaxPolishSteps = 200;

    /// <summary>The point (x, y) of [low, high]² where f is least, and f there.</summary>
    /// <exception cref="ArgumentException">The square is empty or not finite, or f is not finite anywhere on the grid.</exception>
    public static (double X, double Y, double Value) Find(Func<double, double, double> f, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(low < high) || !double.IsFinite(low) || !double.IsFinite(high))
            throw new ArgumentException($"The square needs finite bounds low < high; got [{low}, {high}].", nameof(high));
        int n = GridIntervals;
        double spacing = (high - low) / n;
        var values = new double[n + 1, n + 1];
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++) values[i, j] = f(Coordinate(low, high, spacing, i, n), Coordinate(low, high, spacing, j, n));

        var cells = new List<(double Value, int I, int J)>();
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++)
                if (double.IsFinite(values[i, j]) && IsLowest(values, i, j, n)) cells.Add((values[i, j], i, j));
        if (cells.Count == 0) throw new ArgumentException("f is not finite anywhere on the square.", nameof(f));

        (double X, double Y, double Value) best = (double.NaN, double.NaN, double.PositiveInfinity);
        foreach (var (_, i, j) in cells.OrderBy(c => c.Value).Take(Candidates))
        {
            var polished = Polish(f, Coordinate(low, high, spacing, i, n), Coordinate(low, high, spacing, j, n), low, high);
            if (polished.Value < best.Value) best = polished;
        }
        return best;
    }

    private static double Coordinate(double low, double high, double spacing, int i, int n) => i == n ? high : low + (i * spacing);

    private static bool IsLowest(double[,] v, int i, int j, int n)
    {
        for (int di = -1; di <= 1; di++)
            for (int dj = -1; dj <= 1; dj++)
            {
                int a = i + di, b = j + dj;
                if ((di != 0 || dj != 0) && a >= 0 && a <= n && b >= 0 && b <= n && v[a, b] < v[i, j]) return false;
            }
        return true;
    }

    /// <summary>Projected Newton from (x, y) inside the square (see the remarks).</summary>
    internal static (double X, double Y, double Value) Polish(Func<double, double, double> f, double x, double y, double low, double high)
    {
        double fx = f(x, y);
        for (int step = 0; step < MaxPolishSteps; step++)
        {
            double gx = (f(x + GradientStep, y) - f(x - GradientStep, y)) / (2 * GradientStep);
            double gy = (f(x, y + GradientStep) - f(x, y - GradientStep)) / (2 * GradientStep);
            bool freeX = !((x <= low && gx > 0) || (x >= high && gx < 0));
            bool freeY = !((y <= low && gy > 0) || (y >= high && gy < 0));
            if (!freeX && !freeY) break;
            var (hxx, hxy, hyy) = Hessian(f, x, y);
            double dx = 0, dy = 0;
            bool newton = false;
            if (freeX && freeY)
            {
                double det = (hxx * hyy) - (hxy * hxy);
                if (hxx > 0 && det > 0)
                {
                    dx = -((hyy * gx) - (hxy * gy)) / det;
                    dy = -((hxx * gy) - (hxy * gx)) / det;
                    newton = true;
                }
            }
            else if (freeX && hxx > 0) { dx = -gx / hxx; newton = true; }
            else if (freeY && hyy > 0) { dy = -gy / hyy; newton = true; }
            if (!newton)
            {
                dx = freeX ? -gx : 0;
                dy = freeY ? -gy : 0;
            }
            if (dx == 0 && dy == 0) break;

            double nx = x, ny = y, fn = fx;
            bool moved = false;
            if (newton && Math.Sqrt((dx * dx) + (dy * dy)) <= 1e-3)
            {
                nx = Math.Clamp(x + dx, low, high);
                ny = Math.Clamp(y + dy, low, high);
                fn = f(nx, ny);
                moved = double.IsFinite(fn) && fn <= fx + (1e-12 * Math.Max(1, Math.Abs(fx)));
            }
            for (double t = 1; !moved && t > 1e-12; t /= 2)
            {
                nx = Math.Clamp(x + (t * dx), low, high);
                ny = Math.Clamp(y + (t * dy), low, high);
                fn = f(nx, ny);
                moved = double.IsFinite(fn) && fn <= fx + (1e-4 * ((gx * (nx - x)) + (gy * (ny - y))));
            }
            if (!moved) break;
            double change = Math.Abs(nx - x) + Math.Abs(ny - y);
            (x, y, fx) = (nx, ny, fn);
            if (change <= 1e-15 || (newton && change <= 1e-11)) break;
        }
        return (x, y, fx);
    }

    private static (double Xx, double Xy, double Yy) Hessian(Func<double, double, double> f, double x, double y)
    {
        const double h = HessianStep;
        double centre = f(x, y);
        double xx = (f(x + h, y) - (2 * centre) + f(x - h, y)) / (h * h);
        double yy = (f(x, y + h) - (2 * centre) + f(x, y - h)) / (h * h);
        double xy = (f(x + h, y + h) - f(x + h, y - h) - f(x - h, y + h) + f(x - h, y - h)) / (4 * h * h);
        return (xx, xy, yy);
    }
}
