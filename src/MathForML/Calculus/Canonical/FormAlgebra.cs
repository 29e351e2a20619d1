using System.Numerics;

namespace MathForML.Calculus.Canonical;

/// <summary>
/// The automatic simplifications of a computer-algebra system, done as a sum, product, power or call is built
/// (SymPy's <c>Add.flatten</c>, <c>Mul.flatten</c>, <c>Pow.__new__</c> and the functions' <c>eval</c>):
/// <list type="bullet">
/// <item>sums flatten, numbers add up, like terms collect: 2x + 3x = 5x, x − x = 0;</item>
/// <item>products flatten, numbers multiply exactly (6·x⁵/6 = x⁵), like bases collect their exponents
/// (x²·x³ = x⁵, x·x = x², x/x = 1), and a number times a single sum distributes (2(x + 1) = 2x + 2);</item>
/// <item>powers: b⁰ = 1, b¹ = b, 1ᵉ = 1, exact powers of numbers ((2/3)² = 4/9, √4 = 2), (bᵃ)ⁿ = bᵃⁿ and (xy)ⁿ = xⁿyⁿ for an
/// integer n, eᵘ = exp(u), exp(u)ⁿ = exp(nu);</item>
/// <item>functions: exact values at 0 and 1 (sin 0 = 0, cos 0 = 1, exp 0 = 1, log 1 = 0, exp 1 = e, log e = 1), √u = u^(1/2),
/// log(exp u) = exp(log u) = u, odd and even functions of −u (sin(−u) = −sin u, cos(−u) = cos u); a function of a
/// float is evaluated; other functions of numbers stay exact (log(2), not 0.693…).</item>
/// </list>
/// Nothing expands a product of sums or factors a sum: the result reads like the rules that produced it.
/// A result that would not be finite (1/0) is left unevaluated.
/// </summary>
internal static class FormAlgebra
{
    public static readonly NumberForm Zero = new(Coefficient.Zero);
    public static readonly NumberForm One = new(Coefficient.One);
    public static readonly NumberForm MinusOne = new(Coefficient.MinusOne);
    private static readonly NumberForm Half = new(Coefficient.Rational(1, 2));

    public static NumberForm Number(Coefficient c) => new(c);

    public static bool IsNumber(Form f, out Coefficient c)
    {
        if (f is NumberForm n) { c = n.Value; return true; }
        c = default;
        return false;
    }

    /// <summary>True when a variable (not π or e) occurs in <paramref name="f"/>.</summary>
    public static bool HasVariables(Form f) => f switch
    {
        NumberForm => false,
        SymbolForm s => s.Kind == SymbolKind.Variable,
        CallForm c => HasVariables(c.Argument),
        PowerForm p => HasVariables(p.Base) || HasVariables(p.Exponent),
        ProductForm p => p.Factors.Any(HasVariables),
        SumForm s => s.Terms.Any(HasVariables),
        _ => true,
    };

    // ---- sums ---------------------------------------------------------------------------------------------------------

    public static Form Add(Form a, Form b) => Add([a, b]);

    public static Form Add(IEnumerable<Form> items)
    {
        var constant = Coefficient.Zero;
        var order = new List<string>();
        var terms = new Dictionary<string, (Coefficient C, Form Term)>(StringComparer.Ordinal);
        void Absorb(Form f)
        {
            switch (f)
            {
                case NumberForm n: constant += n.Value; break;
                case SumForm s:
                    constant += s.Constant;
                    foreach (var t in s.Terms) Absorb(t);
                    break;
                default:
                    var (c, rest) = SplitCoefficient(f);
                    if (terms.TryGetValue(rest.Key, out var old)) terms[rest.Key] = (old.C + c, rest);
                    else { terms[rest.Key] = (c, rest); order.Add(rest.Key); }
                    break;
            }
        }
        foreach (var item in items) Absorb(item);
        var kept = order.Select(k => terms[k]).Where(t => !t.C.IsZero).Select(t => Scale(t.C, t.Term)).ToList();
        if (kept.Count == 0) return Number(constant);
        if (kept.Count == 1 && constant.IsZero) return kept[0];
        var ordered = FormOrder.OrderedTerms(Coefficient.Zero, kept);
        return new SumForm(constant, ordered);
    }

    /// <summary>A term as coefficient × the rest (the rest has coefficient 1).</summary>
    public static (Coefficient C, Form Term) SplitCoefficient(Form f) => f switch
    {
        ProductForm p when p.Factors.Count == 1 => (p.Coefficient, p.Factors[0]),
        ProductForm p => (p.Coefficient, p.Coefficient.IsOne ? p : new ProductForm(Coefficient.One, p.Factors)),
        _ => (Coefficient.One, f),
    };

    /// <summary>c·rest for a rest that is not a number or a sum (no distribution).</summary>
    private static Form Scale(Coefficient c, Form rest)
    {
        if (c.IsOne) return rest;
        return rest is ProductForm p ? new ProductForm(c * p.Coefficient, p.Factors) : new ProductForm(c, [rest]);
    }

    // ---- products -----------------------------------------------------------------------------------------------------

    public static Form Multiply(Form a, Form b) => Multiply(new[] { a, b });

    /// <summary>
    /// The product of <paramref name="items"/>, as SymPy's <c>Mul.flatten</c> makes it. Like bases collect when their
    /// exponents differ only by a number (x²·x³ = x⁵, xʸ·x²ʸ = x³ʸ, but xʸ/x stays). When all that is left is a number
    /// times one sum, the number distributes (2·(x + 1) = 2x + 2), except that two items, an exact number a and
    /// r·(sum) with r ≠ 1, give (a·r)·(sum) undistributed (SymPy's "2-arg hack").
    /// </summary>
    public static Form Multiply(IEnumerable<Form> items)
    {
        var list = items as IReadOnlyList<Form> ?? items.ToList();
        if (list.Count == 2)
        {
            var (a, b) = list[1] is NumberForm { Value.IsExact: true } ? (list[1], list[0]) : (list[0], list[1]);
            if (a is NumberForm { Value: { IsExact: true } c } && !c.IsZero && !c.IsOne
                && b is ProductForm { Factors: [SumForm inner] } rb && !rb.Coefficient.IsOne)
            {
                var ar = c * rb.Coefficient;
                return ar.IsOne ? inner : new ProductForm(ar, [inner]);
            }
        }
        var coefficient = Coefficient.One;
        var order = new List<string>();
        var powers = new Dictionary<string, (Form Base, Coefficient Count, Form Exponent)>(StringComparer.Ordinal);
        var unevaluated = new List<Form>();
        void Absorb(Form f)
        {
            switch (f)
            {
                case NumberForm n: coefficient *= n.Value; break;
                case ProductForm p:
                    coefficient *= p.Coefficient;
                    foreach (var x in p.Factors) Absorb(x);
                    break;
                default:
                    var (b, e) = f switch
                    {
                        PowerForm w => (w.Base, w.Exponent),
                        CallForm { Function: MathFunction.Exp } x => (SymbolForm.E, x.Argument),   // exp(2x)·exp(−x) = exp(x)
                        _ => (f, (Form)One),
                    };
                    if (IsNumber(b, out var bc) && bc.IsZero && IsNumber(e, out var ec) && ec.IsNegative) { unevaluated.Add(f); break; }
                    var (k, rest) = e is NumberForm en ? (en.Value, (Form)One) : SplitCoefficient(e);
                    string key = b.Key + "^" + rest.Key;
                    if (powers.TryGetValue(key, out var old)) powers[key] = (b, old.Count + k, rest);
                    else { powers[key] = (b, k, rest); order.Add(key); }
                    break;
            }
        }
        foreach (var item in list) Absorb(item);
        var factors = new List<Form>(unevaluated);
        foreach (var key in order)
        {
            var (b, k, rest) = powers[key];
            var p = Power(b, Multiply([Number(k), rest]));
            switch (p)
            {
                case NumberForm n: coefficient *= n.Value; break;
                case ProductForm q:
                    coefficient *= q.Coefficient;
                    factors.AddRange(q.Factors);
                    break;
                default: factors.Add(p); break;
            }
        }
        if (coefficient.IsZero && unevaluated.Count == 0) return Zero;
        if (factors.Count == 0) return Number(coefficient);
        if (factors.Count == 1 && coefficient.IsOne) return factors[0];
        if (factors.Count == 1 && factors[0] is SumForm sum && double.IsFinite(coefficient.Value))
            return Add(sum.Terms.Select(t => Multiply(Number(coefficient), t)).Prepend(Number(coefficient * sum.Constant)));
        factors.Sort(FormOrder.CompareFactors);
        return new ProductForm(coefficient, factors);
    }

    public static Form Negate(Form a) => Multiply(MinusOne, a);

    // ---- powers -------------------------------------------------------------------------------------------------------

    public static Form Power(Form b, Form e)
    {
        if (IsNumber(e, out var ec))
        {
            if (ec.IsZero) return One;
            if (ec.IsOne) return b;
        }
        if (IsNumber(b, out var bc))
        {
            if (bc.IsOne) return One;
            if (IsNumber(e, out var n)) return NumberPower(bc, n) ?? new PowerForm(b, e);
            return new PowerForm(b, e);
        }
        bool integerExponent = IsNumber(e, out var k) && k.IsInteger;
        switch (b)
        {
            case SymbolForm { Kind: SymbolKind.E }:
                return Call(MathFunction.Exp, e);
            case PowerForm inner when integerExponent:
                return Power(inner.Base, Multiply(inner.Exponent, e));
            case CallForm { Function: MathFunction.Exp } exp when integerExponent:
                return Call(MathFunction.Exp, Multiply(e, exp.Argument));
            case ProductForm p when integerExponent:
                return Multiply(p.Factors.Select(f => Power(f, e)).Prepend(NumberPower(p.Coefficient, k) is { } c ? c : new PowerForm(Number(p.Coefficient), e)));
            case ProductForm p when !p.Coefficient.IsNegative:
                {
                    // (c·π·u)ᵉ = cᵉ·πᵉ·uᵉ for a positive number c and the positive constants; the rest stays together.
                    var positive = p.Factors.Where(f => f is SymbolForm { Kind: not SymbolKind.Variable }).ToList();
                    if (positive.Count == 0 && p.Coefficient.IsOne) break;
                    var rest = p.Factors.Where(f => f is not SymbolForm { Kind: not SymbolKind.Variable }).ToList();
                    var parts = positive.Select(f => Power(f, e)).Prepend(Power(Number(p.Coefficient), e)).ToList();
                    if (rest.Count > 0) parts.Add(RawPower(rest.Count == 1 ? rest[0] : new ProductForm(Coefficient.One, rest), e));
                    return Multiply(parts);
                }
        }
        return new PowerForm(b, e);
    }

    private static Form RawPower(Form b, Form e) => b is ProductForm ? new PowerForm(b, e) : Power(b, e);

    /// <summary>
    /// cⁿ for numbers: exact for an integer n; for a rational n = p/q, the exact root when there is one, else an integer c
    /// keeps its fractional power with the whole part and perfect powers taken out (2^(3/2) = 2·√2, 2^(−1/2) = √2/2, √8 = 2·√2)
    /// and a fraction p/q
    /// splits as pⁿ·q⁻ⁿ, as SymPy's <c>Integer._eval_power</c> and <c>Rational._eval_power</c> write them; a float if either
    /// is a float; null when nothing simpler exists (the power stays as it is).
    /// </summary>
    private static Form? NumberPower(Coefficient c, Coefficient n)
    {
        if (!c.IsExact || !n.IsExact)
        {
            double v = Math.Pow(c.Value, n.Value);
            return double.IsFinite(v) ? Number(Coefficient.Of(v)) : null;
        }
        if (n.IsInteger) return c.Power(n.Numerator) is { } p ? Number(p) : null;
        if (c.IsNegative || c.IsZero || n.Denominator > 64) return null;
        if (c.ExactRoot((int)n.Denominator) is { } root)
            return root.Power(n.Numerator) is { } r ? Number(r) : null;
        if (!c.IsInteger)
            return Multiply(Power(Number(Coefficient.Rational(c.Numerator, 1)), Number(n)),
                            Power(Number(Coefficient.Rational(c.Denominator, 1)), Number(n.Negate())));
        var whole = BigInteger.Divide(n.Numerator - (n.Numerator.Sign < 0 ? n.Denominator - 1 : 0), n.Denominator);
        var fraction = n + Coefficient.Rational(-whole, 1);
        var (outside, inside) = fraction.Numerator.IsOne ? ExtractPower(c.Numerator, (int)fraction.Denominator) : (BigInteger.One, c.Numerator);
        if (whole.IsZero && outside.IsOne) return null;
        if (c.Power(whole) is not { } w) return null;
        var rest = inside.IsOne ? (Form)One : new PowerForm(Number(Coefficient.Rational(inside, 1)), Number(fraction));
        return Multiply(Number(w * Coefficient.Rational(outside, 1)), rest);
    }

    /// <summary>n = mᵏ·r with m as large as a search up to n^(1/k) finds (for n below 10¹²): ⁿ√8 → 2·√2, √12 → 2·√3.</summary>
    private static (BigInteger Outside, BigInteger Inside) ExtractPower(BigInteger n, int k)
    {
        if (n > 1_000_000_000_000 || n < 4) return (BigInteger.One, n);
        long value = (long)n;
        for (long m = (long)Math.Floor(Math.Pow(value, 1.0 / k)) + 1; m >= 2; m--)
        {
            var mk = BigInteger.Pow(m, k);
            if (mk <= n && n % mk == 0) return (m, n / mk);
        }
        return (BigInteger.One, n);
    }

    // ---- functions ----------------------------------------------------------------------------------------------------

    public static Form Call(MathFunction f, Form u)
    {
        if (f == MathFunction.Sqrt) return Power(u, Half);
        if (IsNumber(u, out var c))
        {
            if (!c.IsExact) return Number(Coefficient.Of(MathFunctions.Evaluate(f, c.Value)));
            if (ExactValue(f, c) is { } exact) return exact;
        }
        if (u is SymbolForm { Kind: SymbolKind.E } && f == MathFunction.Log) return One;
        if (u is SymbolForm { Kind: SymbolKind.Pi } && f is MathFunction.Sin or MathFunction.Tan) return Zero;
        if (u is SymbolForm { Kind: SymbolKind.Pi } && f == MathFunction.Cos) return MinusOne;
        if (f == MathFunction.Log && u is CallForm { Function: MathFunction.Exp } ex) return ex.Argument;
        if (f == MathFunction.Exp && u is CallForm { Function: MathFunction.Log } lg) return lg.Argument;
        if (CouldExtractMinusSign(u))
        {
            var minusU = Negate(u);
            if (f is MathFunction.Sin or MathFunction.Tan or MathFunction.Atan or MathFunction.Sinh or MathFunction.Tanh or MathFunction.Sign)
                return Negate(Call(f, minusU));
            if (f is MathFunction.Cos or MathFunction.Cosh or MathFunction.Abs) return Call(f, minusU);
        }
        return new CallForm(f, u);
    }

    private static bool CouldExtractMinusSign(Form u) => u switch
    {
        NumberForm n => n.Value.IsNegative,
        ProductForm p => p.Coefficient.IsNegative,
        _ => false,
    };

    private static Form? ExactValue(MathFunction f, Coefficient c)
    {
        if (f == MathFunction.Abs) return Number(c.Abs());
        if (f == MathFunction.Sign) return Number(c.IsZero ? Coefficient.Zero : c.IsNegative ? Coefficient.MinusOne : Coefficient.One);
        if (c.IsZero)
            return f switch
            {
                MathFunction.Exp or MathFunction.Cos or MathFunction.Cosh => One,
                MathFunction.Sin or MathFunction.Tan or MathFunction.Atan or MathFunction.Sinh or MathFunction.Tanh => Zero,
                _ => null,
            };
        if (c.IsOne && f == MathFunction.Log) return Zero;
        if (c.IsOne && f == MathFunction.Exp) return SymbolForm.E;
        return null;
    }

    /// <summary>The exact integer n of an integer exponent, for callers that need it.</summary>
    public static bool IsInteger(Form f, out BigInteger n)
    {
        if (f is NumberForm { Value.IsInteger: true } k) { n = k.Value.Numerator; return true; }
        n = default;
        return false;
    }
}
