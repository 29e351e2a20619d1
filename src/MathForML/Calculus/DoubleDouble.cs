using System.Globalization;

namespace MathForML.Calculus;

/// <summary>
/// A double-double number hi + lo with |lo| ≤ ulp(hi)/2: about 32 significant digits from two doubles, with error-free
/// transformations (Knuth's two-sum, and two-product through a fused multiply-add). Used to polish least-squares fits
/// whose residual sum of squares is far below the rounding level of the data (NIST's Lanczos1: S ≈ 1.4·10⁻²⁵).
/// <see cref="Exp"/> and <see cref="Log"/> are full double-double; other functions are evaluated in double at hi with a
/// first-order correction for lo, so they keep double accuracy only.
/// References: Dekker, "A floating-point technique for extending the available precision", Numer. Math. 18 (1971);
/// Hida, Li &amp; Bailey, "Library for double-double and quad-double arithmetic" (QD, 2007).
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    public static implicit operator DoubleDouble(double x) => new(x, 0);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);
        var (t, f) = TwoSum(a.Lo, b.Lo);
        e += t;
        (s, e) = QuickTwoSum(s, e);
        e += f;
        return Normalize(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        return Normalize(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        var r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        return Normalize(q1, q2) + q3;
    }

    public bool IsFinite => double.IsFinite(Hi) && double.IsFinite(Lo);

    /// <summary>eˣ: x = k·ln 2 + r, eʳ by Taylor series on r/2¹⁰ and ten squarings, times 2ᵏ.</summary>
    public static DoubleDouble Exp(DoubleDouble x)
    {
        if (x.Hi > 709.78) return double.PositiveInfinity;
        if (x.Hi < -745.2) return 0;
        double k = Math.Round(x.Hi / Ln2.Hi);
        var r = (x - Ln2 * k) * (1.0 / 1024);
        DoubleDouble term = 1, sum = 1;
        for (int n = 1; n <= 16; n++)
        {
            term = term * r / n;
            sum += term;
            if (Math.Abs(term.Hi) < 1e-34) break;
        }
        for (int i = 0; i < 10; i++) sum *= sum;
        return new DoubleDouble(Math.ScaleB(sum.Hi, (int)k), Math.ScaleB(sum.Lo, (int)k));
    }

    /// <summary>ln x by one Newton step on eʸ = x from y₀ = ln(hi): y = y₀ + x·e^(−y₀) − 1.</summary>
    public static DoubleDouble Log(DoubleDouble x)
    {
        if (!(x.Hi > 0)) return double.NaN;
        DoubleDouble y = Math.Log(x.Hi);
        return y + x * Exp(-y) - 1;
    }

    /// <summary>√x by one Newton step from √hi.</summary>
    public static DoubleDouble Sqrt(DoubleDouble x)
    {
        if (x.Hi <= 0) return x.Hi == 0 ? 0 : double.NaN;
        double s = Math.Sqrt(x.Hi);
        return s + (x - (DoubleDouble)s * s) / (2 * s);
    }

    /// <summary>xⁿ for an integer n by repeated squaring; other exponents as exp(y·ln x).</summary>
    public static DoubleDouble Pow(DoubleDouble x, DoubleDouble y)
    {
        if (y.Lo == 0 && double.IsInteger(y.Hi) && Math.Abs(y.Hi) <= 64)
        {
            int n = (int)Math.Abs(y.Hi);
            DoubleDouble result = 1, b = x;
            while (n > 0)
            {
                if ((n & 1) != 0) result *= b;
                b *= b;
                n >>= 1;
            }
            return y.Hi < 0 ? 1 / result : result;
        }
        return Exp(y * Log(x));
    }

    /// <summary>g(x) in double at hi, corrected to first order for lo: g(hi) + g′(hi)·lo.</summary>
    public static DoubleDouble Apply(MathFunction g, DoubleDouble x) => g switch
    {
        MathFunction.Exp => Exp(x),
        MathFunction.Log => Log(x),
        MathFunction.Sqrt => Sqrt(x),
        MathFunction.Abs => x.Hi < 0 ? -x : x,
        MathFunction.Sign => Math.Sign(x.Hi),
        _ => (DoubleDouble)MathFunctions.Evaluate(g, x.Hi) + MathFunctions.Derivative(g, Expression.Number(x.Hi)).Evaluate(EmptyVariables) * x.Lo,
    };

    private static readonly Dictionary<string, double> EmptyVariables = [];

    /// <summary>The largest decimal exponent <see cref="Parse"/> accepts (digits after the point included): far beyond double's range.</summary>
    public const int MaxDecimalExponent = 1000;

    /// <summary>Parses a decimal number to double-double precision (digits × 10^exponent, exact up to ~32 digits).</summary>
    /// <exception cref="FormatException">Not a decimal number, or its exponent is beyond ±<see cref="MaxDecimalExponent"/>.</exception>
    public static DoubleDouble Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        int i = 0;
        bool negative = false;
        if (i < s.Length && s[i] is '+' or '-') negative = s[i++] == '-';
        DoubleDouble mantissa = 0;
        int exponent = 0;
        bool dot = false, digits = false;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = mantissa * 10 + (c - '0');
                if (dot) exponent--;
                digits = true;
            }
            else if (c == '.' && !dot) dot = true;
            else break;
        }
        if (!digits) throw new FormatException($"'{text}' is not a number.");
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E')) throw new FormatException($"'{text}' is not a number.");
            if (!int.TryParse(s.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int e) || Math.Abs((long)exponent + e) > MaxDecimalExponent)
                throw new FormatException($"'{text}' has an exponent beyond ±{MaxDecimalExponent}.");
            exponent += e;
        }
        if (Math.Abs(exponent) > MaxDecimalExponent) throw new FormatException($"'{text}' has an exponent beyond ±{MaxDecimalExponent}.");
        DoubleDouble scale = 1;
        for (int k = 0; k < Math.Abs(exponent); k++) scale *= 10;
        var value = exponent >= 0 ? mantissa * scale : mantissa / scale;
        return negative ? -value : value;
    }

    public override string ToString() => $"{Hi.ToString("R", CultureInfo.InvariantCulture)} + {Lo.ToString("R", CultureInfo.InvariantCulture)}";

    private static (double S, double E) TwoSum(double a, double b)
    {
        double s = a + b, bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double S, double E) QuickTwoSum(double a, double b)
    {
        double s = a + b;
        return (s, b - (s - a));
    }

    private static DoubleDouble Normalize(double s, double e)
    {
        var (hi, lo) = QuickTwoSum(s, e);
        return new DoubleDouble(hi, lo);
    }

    /// <summary>Evaluates <paramref name="e"/> in double-double with variables read from <paramref name="values"/> by slot.</summary>
    public static DoubleDouble Evaluate(Expression e, Dictionary<string, int> slots, DoubleDouble[] values) => e switch
    {
        Constant c => c.Value,
        Variable v => values[slots[v.Name]],
        Negation n => -Evaluate(n.Operand, slots, values),
        Sum s => Evaluate(s.Left, slots, values) + Evaluate(s.Right, slots, values),
        Difference d => Evaluate(d.Left, slots, values) - Evaluate(d.Right, slots, values),
        Product p => Evaluate(p.Left, slots, values) * Evaluate(p.Right, slots, values),
        Quotient q => Evaluate(q.Left, slots, values) / Evaluate(q.Right, slots, values),
        Power w => Pow(Evaluate(w.Left, slots, values), Evaluate(w.Right, slots, values)),
        FunctionCall f => Apply(f.Function, Evaluate(f.Argument, slots, values)),
        _ => throw new ArgumentException($"Unknown node {e.GetType().Name}.", nameof(e)),
    };

}
