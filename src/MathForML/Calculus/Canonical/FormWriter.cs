namespace MathForML.Calculus.Canonical;

/// <summary>
/// Writes a canonical <see cref="Form"/> back as an <see cref="Expression"/> tree shaped so that
/// <see cref="ExpressionPrinter"/> prints it as SymPy's <c>str</c> does (with <c>^</c> for <c>**</c>):
/// <list type="bullet">
/// <item>a product is sign, numerator factors, then <c>/</c> and the denominator factors — the rational coefficient's
/// denominator first, then each factor with a negative exponent as a positive power: <c>-3*x^2/(2*sqrt(x + 1))</c>;</item>
/// <item>a sum is its terms in SymPy's order with negative terms written as subtraction: <c>cos(x) - x*sin(x)</c>;</item>
/// <item>u^(1/2) is <c>sqrt(u)</c>, u^(−1/2) alone is <c>1/sqrt(u)</c>, u^(−1) alone is <c>1/u</c>.</item>
/// </list>
/// Source: SymPy 1.11, sympy/printing/str.py (<c>_print_Add</c>, <c>_print_Mul</c>, <c>_print_Pow</c>).
/// </summary>
internal static class FormWriter
{
    public static Expression Write(Form f) => f switch
    {
        NumberForm n => WriteNumber(n.Value),
        SymbolForm { Kind: SymbolKind.Pi } => new Constant(Math.PI),
        SymbolForm { Kind: SymbolKind.E } => new Constant(Math.E),
        SymbolForm s => new Variable(s.Name),
        CallForm c => new FunctionCall(c.Function, Write(c.Argument)),
        PowerForm p => WritePower(p),
        ProductForm p => WriteProduct(p),
        SumForm s => WriteSum(s),
        _ => throw new ArgumentException($"Unknown form {f.GetType().Name}.", nameof(f)),
    };

    private static Expression WriteNumber(Coefficient c)
    {
        if (!c.IsExact) return new Constant(c.Value);
        var p = new Constant((double)c.Numerator);
        return c.Denominator.IsOne ? p : new Quotient(p, new Constant((double)c.Denominator));
    }

    private static bool IsHalf(Form e, int sign) =>
        e is NumberForm { Value: { IsExact: true } v } && v.Denominator == 2 && v.Numerator == sign;

    private static Expression WritePower(PowerForm p)
    {
        if (IsHalf(p.Exponent, 1)) return new FunctionCall(MathFunction.Sqrt, Write(p.Base));
        if (IsHalf(p.Exponent, -1)) return new Quotient(new Constant(1), new FunctionCall(MathFunction.Sqrt, Write(p.Base)));
        if (p.Exponent is NumberForm { Value: var e } && e.IsExact && e.IsInteger && e.Numerator == -1)
            return new Quotient(new Constant(1), Write(p.Base));
        return new Power(Write(p.Base), Write(p.Exponent));
    }

    /// <summary>True when the exponent's leading coefficient is negative (the factor belongs in the denominator).</summary>
    private static bool HasNegativeExponent(Form f) => f is PowerForm { Exponent: var e } && e switch
    {
        NumberForm n => n.Value.IsNegative,
        ProductForm q => q.Coefficient.IsNegative,
        _ => false,
    };

    private static Expression WriteProduct(ProductForm p)
    {
        bool negative = p.Coefficient.IsNegative;
        var c = p.Coefficient.Abs();
        var numerator = new List<Expression>();
        var denominator = new List<Expression>();
        if (c.IsExact)
        {
            if (!c.Numerator.IsOne) numerator.Add(new Constant((double)c.Numerator));
            if (!c.Denominator.IsOne) denominator.Add(new Constant((double)c.Denominator));
        }
        else if (!c.IsOne) numerator.Add(new Constant(c.Value));
        foreach (var f in p.Factors)
        {
            if (HasNegativeExponent(f))
            {
                var w = (PowerForm)f;
                var positive = FormAlgebra.Negate(w.Exponent);
                denominator.Add(positive is NumberForm { Value.IsOne: true } ? Write(w.Base) : Write(new PowerForm(w.Base, positive)));
            }
            else numerator.Add(Write(f));
        }
        if (numerator.Count == 0) numerator.Add(new Constant(1));
        if (negative) numerator[0] = numerator[0] is Constant k ? new Constant(-k.Value) : new Negation(numerator[0]);
        var top = numerator.Aggregate((a, b) => new Product(a, b));
        if (denominator.Count == 0) return top;
        return new Quotient(top, denominator.Aggregate((a, b) => new Product(a, b)));
    }

    private static Expression WriteSum(SumForm s)
    {
        var terms = FormOrder.OrderedTerms(s.Constant, s.Terms);
        var result = Write(terms[0]);
        foreach (var t in terms.Skip(1))
        {
            var (c, rest) = FormAlgebra.SplitCoefficient(t);
            if (t is NumberForm n) (c, rest) = (n.Value, FormAlgebra.One);
            if (c.IsNegative)
            {
                var positive = rest is NumberForm ? FormAlgebra.Number(c.Negate())
                    : c.Negate().IsOne ? rest : new ProductForm(c.Negate(), rest is ProductForm r ? r.Factors : [rest]);
                result = new Difference(result, Write(positive));
            }
            else result = new Sum(result, Write(t));
        }
        return result;
    }
}
