using System.Numerics;

namespace MathForML.Calculus.Canonical;

/// <summary>
/// A numeric coefficient of the canonical form: an exact rational p/q (q &gt; 0, gcd(p, q) = 1) while the arithmetic
/// stays exact, a binary double once a non-integer decimal such as 0.5 or 2.5 takes part (as SymPy keeps
/// <c>Rational</c> and <c>Float</c> apart: 6·x⁵/6 folds to x⁵ exactly, 2.5·x stays a float coefficient).
/// A double that is a whole number below 2⁵³ in magnitude is read as the exact integer.
/// </summary>
internal readonly record struct Coefficient
{
    private Coefficient(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsZero && !g.IsOne) { numerator /= g; denominator /= g; }
        if (BigInteger.Abs(numerator) > Largest || denominator > Largest)
        {
            // Beyond what a double can hold exactly or at all: keep the value as a float from here on.
            Numerator = 0;
            Denominator = 1;
            Float = Ratio(numerator, denominator);
            return;
        }
        Numerator = numerator;
        Denominator = denominator;
        Float = null;
    }

    /// <summary>2¹⁰⁰⁰: exact numerators and denominators stay below it, so that they convert to finite doubles.</summary>
    private static readonly BigInteger Largest = BigInteger.Pow(2, 1000);

    private static double Ratio(BigInteger p, BigInteger q)
    {
        if (p.IsZero) return 0;
        double log = BigInteger.Log(BigInteger.Abs(p)) - BigInteger.Log(q);
        return p.Sign * Math.Exp(log);
    }

    private Coefficient(double value)
    {
        Numerator = 0;
        Denominator = 1;
        Float = value;
    }

    /// <summary>p of p/q (exact coefficients only).</summary>
    public BigInteger Numerator { get; }

    /// <summary>q of p/q, positive (exact coefficients only).</summary>
    public BigInteger Denominator { get; }

    /// <summary>The value when the coefficient is a float; null when it is exact.</summary>
    public double? Float { get; }

    public static readonly Coefficient Zero = new(BigInteger.Zero, BigInteger.One);
    public static readonly Coefficient One = new(BigInteger.One, BigInteger.One);
    public static readonly Coefficient MinusOne = new(BigInteger.MinusOne, BigInteger.One);

    /// <summary>p/q exactly.</summary>
    public static Coefficient Rational(BigInteger p, BigInteger q) => new(p, q);

    /// <summary>A double: exact when it is a whole number of at most 53 bits, else a float.</summary>
    public static Coefficient Of(double value) =>
        double.IsInteger(value) && Math.Abs(value) < 9007199254740992.0 ? new(new BigInteger(value), BigInteger.One) : new(value);

    public bool IsExact => Float is null;

    public bool IsInteger => IsExact && Denominator.IsOne;

    public bool IsZero => IsExact ? Numerator.IsZero : Float == 0;

    public bool IsOne => IsExact ? Numerator.IsOne && Denominator.IsOne : Float == 1;

    public bool IsNegative => IsExact ? Numerator.Sign < 0 : Float < 0;

    public double Value => Float ?? (double)Numerator / (double)Denominator;

    public Coefficient Negate() => IsExact ? new(-Numerator, Denominator) : Of(-Float!.Value);

    public Coefficient Abs() => IsNegative ? Negate() : this;

    public static Coefficient operator +(Coefficient a, Coefficient b) =>
        a.IsExact && b.IsExact ? new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator) : Of(a.Value + b.Value);

    public static Coefficient operator *(Coefficient a, Coefficient b) =>
        a.IsExact && b.IsExact ? new(a.Numerator * b.Numerator, a.Denominator * b.Denominator) : Of(a.Value * b.Value);

    /// <summary>1/c, or null for an exact 0 (1/0 stays unevaluated).</summary>
    public Coefficient? Reciprocal() =>
        IsExact ? (Numerator.IsZero ? null : new(Denominator, Numerator)) : (Float == 0 ? null : Of(1 / Float!.Value));

    /// <summary>cⁿ for an integer n, or null when it is not finite (0 to a negative power) or too large to keep exact.</summary>
    public Coefficient? Power(BigInteger n)
    {
        if (!IsExact)
        {
            double v = Math.Pow(Float!.Value, (double)n);
            return double.IsFinite(v) ? Of(v) : null;
        }
        if (n.Sign < 0 && Numerator.IsZero) return null;
        if (Numerator.IsZero || (BigInteger.Abs(Numerator).IsOne && Denominator.IsOne)) return n.IsEven || Numerator.Sign >= 0 ? new(BigInteger.Abs(Numerator), BigInteger.One) : this;
        if (BigInteger.Abs(n) > 100_000) return null;
        double bits = (long)n * Math.Max(BigInteger.Abs(Numerator).GetBitLength(), Denominator.GetBitLength());
        if (Math.Abs(bits) > 1000) return null;   // 2^2000 stays a power: it is not a finite double
        int k = (int)BigInteger.Abs(n);
        var p = BigInteger.Pow(Numerator, k);
        var q = BigInteger.Pow(Denominator, k);
        return n.Sign < 0 ? new(q, p) : new(p, q);
    }

    /// <summary>The exact k-th root when c is a perfect k-th power of a non-negative rational, else null.</summary>
    public Coefficient? ExactRoot(int k)
    {
        if (!IsExact || Numerator.Sign < 0 || k < 2) return null;
        var p = IntegerRoot(Numerator, k);
        var q = IntegerRoot(Denominator, k);
        return p is { } a && q is { } b ? new(a, b) : null;
    }

    private static BigInteger? IntegerRoot(BigInteger n, int k)
    {
        if (n.IsZero || n.IsOne) return n;
        var guess = new BigInteger(Math.Round(Math.Pow((double)n, 1.0 / k)));
        for (var r = BigInteger.Max(guess - 1, BigInteger.Zero); r <= guess + 1; r++)
            if (BigInteger.Pow(r, k) == n) return r;
        return null;
    }

    /// <summary>Compares by value (for ordering only).</summary>
    public int CompareTo(Coefficient other) => IsExact && other.IsExact
        ? (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator)
        : Value.CompareTo(other.Value);

    /// <summary>A key for grouping: "p/q" or "f:value".</summary>
    public string Key => IsExact ? $"{Numerator}/{Denominator}" : "f:" + Float!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
