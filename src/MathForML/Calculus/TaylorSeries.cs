namespace MathForML.Calculus;

/// <summary>
/// The Taylor polynomial of f about a point a, truncated after order n:
/// Tₙ(x) = Σₖ₌₀ⁿ cₖ (x − a)ᵏ with cₖ = f⁽ᵏ⁾(a)/k!. The error of the truncation is f⁽ⁿ⁺¹⁾(ξ)(x − a)ⁿ⁺¹/(n + 1)! for some ξ
/// between a and x (Lagrange remainder), so the polynomial is good near a and for smooth f.
/// The derivatives are symbolic (<see cref="Expression.Differentiate(string, int)"/>), so the coefficients are exact
/// to rounding at any order.
/// </summary>
public sealed class TaylorSeries
{
    private TaylorSeries(string variable, double point, double[] coefficients)
    {
        Variable = variable;
        Point = point;
        _coefficients = coefficients;
    }

    private readonly double[] _coefficients;

    /// <summary>The expansion variable x.</summary>
    public string Variable { get; }

    /// <summary>The point a of the expansion.</summary>
    public double Point { get; }

    /// <summary>The order n (the highest power kept).</summary>
    public int Order => _coefficients.Length - 1;

    /// <summary>The highest order expanded, 170: 171! overflows a double, so every later coefficient would be f⁽ᵏ⁾(a)/∞.</summary>
    public const int MaxOrder = 170;

    /// <summary>cₖ = f⁽ᵏ⁾(a)/k!, k = 0 … n.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>Expands <paramref name="f"/> (a function of <paramref name="variable"/> only) about <paramref name="point"/> up to <paramref name="order"/>.</summary>
    /// <exception cref="ArgumentException">f has other free variables, or a derivative is not finite at the point.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The order is negative or above <see cref="MaxOrder"/>.</exception>
    public static TaylorSeries Expand(Expression f, string variable, double point, int order)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MaxOrder);
        var others = f.Variables.Where(v => v != variable).ToArray();
        if (others.Length > 0)
            throw new ArgumentException($"unknown variable '{others[0]}': the series is in '{variable}' only.", nameof(f));
        var c = new double[order + 1];
        var derivative = f.Simplify();
        double factorial = 1;
        for (int k = 0; k <= order; k++)
        {
            if (k > 0)
            {
                derivative = derivative.Differentiate(variable);
                factorial *= k;
            }
            double value = derivative.Evaluate(variable, point);
            if (!double.IsFinite(value))
                throw new ArgumentException($"the {Ordinal(k)} derivative of {f} is not finite at {variable} = {point} ({value}).", nameof(point));
            c[k] = value / factorial;
        }
        return new TaylorSeries(variable, point, c);
    }

    /// <summary>Tₙ(x), by Horner's rule in (x − a).</summary>
    public double Evaluate(double x)
    {
        double t = x - Point, sum = 0;
        for (int k = _coefficients.Length - 1; k >= 0; k--) sum = sum * t + _coefficients[k];
        return sum;
    }

    /// <summary>The polynomial as an expression: c₀ + c₁(x − a) + c₂(x − a)² + … (terms with cₖ = 0 dropped).</summary>
    public Expression Polynomial()
    {
        Expression x = Expression.Var(Variable);
        Expression shifted = Point == 0 ? x : x - Point;
        Expression sum = 0;
        for (int k = 0; k < _coefficients.Length; k++)
        {
            if (_coefficients[k] == 0) continue;
            Expression term = k == 0 ? _coefficients[k] : _coefficients[k] * Expression.Pow(shifted, k);
            sum += term;
        }
        return sum;
    }

    /// <inheritdoc/>
    public override string ToString() => Polynomial().ToString();

    private static string Ordinal(int k) => k switch { 0 => "0th", 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{k}th" };
}
