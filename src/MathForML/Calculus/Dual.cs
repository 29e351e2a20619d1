namespace MathForML.Calculus;

/// <summary>
/// A dual number a + bε with ε² = 0: forward-mode automatic differentiation. Evaluating f at x + 1ε gives
/// f(x) + f′(x)ε, because every operation carries its derivative along by the chain rule:
/// (a + bε)(c + dε) = ac + (ad + bc)ε, g(a + bε) = g(a) + g′(a)·bε. The result is exact to rounding (no step size),
/// at about twice the cost of evaluating f. Reference: Griewank &amp; Walther, Evaluating Derivatives (2nd ed.), ch. 3.
/// </summary>
/// <param name="Value">The real part a: the function's value.</param>
/// <param name="Derivative">The ε part b: the directional derivative carried along.</param>
public readonly record struct Dual(double Value, double Derivative)
{
    /// <summary>The variable x itself: x + 1ε.</summary>
    public static Dual Variable(double x) => new(x, 1);

    /// <summary>A constant c + 0ε.</summary>
    public static Dual Constant(double c) => new(c, 0);

    /// <summary>A constant.</summary>
    public static implicit operator Dual(double c) => new(c, 0);

    /// <summary>(a + bε) + (c + dε) = (a + c) + (b + d)ε.</summary>
    public static Dual operator +(Dual u, Dual v) => new(u.Value + v.Value, u.Derivative + v.Derivative);

    /// <summary>(a + bε) − (c + dε) = (a − c) + (b − d)ε.</summary>
    public static Dual operator -(Dual u, Dual v) => new(u.Value - v.Value, u.Derivative - v.Derivative);

    /// <summary>−(a + bε) = −a − bε.</summary>
    public static Dual operator -(Dual u) => new(-u.Value, -u.Derivative);

    /// <summary>Product rule: (a + bε)(c + dε) = ac + (ad + bc)ε.</summary>
    public static Dual operator *(Dual u, Dual v) => new(u.Value * v.Value, u.Derivative * v.Value + u.Value * v.Derivative);

    /// <summary>Quotient rule: (a + bε)/(c + dε) = a/c + (bc − ad)/c²·ε.</summary>
    public static Dual operator /(Dual u, Dual v)
    {
        double q = u.Value / v.Value;
        return new(q, (u.Derivative - q * v.Derivative) / v.Value);
    }

    /// <summary>exp′ = exp.</summary>
    public static Dual Exp(Dual u)
    {
        double e = Math.Exp(u.Value);
        return new(e, e * u.Derivative);
    }

    /// <summary>log′ u = 1/u.</summary>
    public static Dual Log(Dual u) => new(Math.Log(u.Value), u.Derivative / u.Value);

    /// <summary>sqrt′ u = 1/(2√u).</summary>
    public static Dual Sqrt(Dual u)
    {
        double s = Math.Sqrt(u.Value);
        return new(s, u.Derivative / (2 * s));
    }

    /// <summary>sin′ = cos.</summary>
    public static Dual Sin(Dual u) => new(Math.Sin(u.Value), Math.Cos(u.Value) * u.Derivative);

    /// <summary>cos′ = −sin.</summary>
    public static Dual Cos(Dual u) => new(Math.Cos(u.Value), -Math.Sin(u.Value) * u.Derivative);

    /// <summary>tan′ = 1 + tan².</summary>
    public static Dual Tan(Dual u)
    {
        double t = Math.Tan(u.Value);
        return new(t, (1 + t * t) * u.Derivative);
    }

    /// <summary>arctan′ u = 1/(1 + u²).</summary>
    public static Dual Atan(Dual u) => new(Math.Atan(u.Value), u.Derivative / (1 + u.Value * u.Value));

    /// <summary>tanh′ = 1 − tanh².</summary>
    public static Dual Tanh(Dual u)
    {
        double t = Math.Tanh(u.Value);
        return new(t, (1 - t * t) * u.Derivative);
    }

    /// <summary>uⁿ for a constant n: n·uⁿ⁻¹·du.</summary>
    public static Dual Pow(Dual u, double n) => new(Math.Pow(u.Value, n), n * Math.Pow(u.Value, n - 1) * u.Derivative);

    /// <summary>uᵛ = exp(v·ln u) for u &gt; 0: uᵛ·(dv·ln u + v·du/u).</summary>
    public static Dual Pow(Dual u, Dual v)
    {
        double p = Math.Pow(u.Value, v.Value);
        return new(p, p * (v.Derivative * Math.Log(u.Value) + v.Value * u.Derivative / u.Value));
    }

    /// <summary>f′(x) of a function written over dual numbers, exact to rounding.</summary>
    public static double Differentiate(Func<Dual, Dual> f, double x) => f(Variable(x)).Derivative;

    /// <summary>∇f(x) by n forward passes, pass j seeding ε on xⱼ.</summary>
    public static double[] Gradient(Func<Dual[], Dual> f, ReadOnlySpan<double> x)
    {
        var g = new double[x.Length];
        var point = new Dual[x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            for (int i = 0; i < x.Length; i++) point[i] = new Dual(x[i], i == j ? 1 : 0);
            g[j] = f(point).Derivative;
        }
        return g;
    }
}
