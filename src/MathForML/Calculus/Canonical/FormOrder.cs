namespace MathForML.Calculus.Canonical;

/// <summary>
/// The order in which a mathematician (and SymPy's printer) writes factors and terms.
/// <para>Factors: SymPy's <c>Expr.sort_key</c> — a power sorts with its base and then by exponent; class order is
/// numbers, then π and e and variables (by name), then products and sums, then functions in SymPy's order (exp, log,
/// sin, cos, tan, sinh, cosh, tanh, then arctan, abs, sign), each by its argument. So 3·x²·y·sin(x)·cos(x).</para>
/// <para>Terms: SymPy's <c>Expr.as_ordered_terms</c> — lexicographic order of the monomials over the generators (the
/// bases, sorted as factors), highest first, the coefficient breaking ties; a positive number before a single
/// negative term (1 − x, but x − 1).</para>
/// Source: SymPy 1.11, sympy/core/expr.py (<c>sort_key</c>, <c>as_ordered_terms</c>, <c>as_terms</c>) and
/// sympy/core/basic.py (<c>ordering_of_classes</c>).
/// </summary>
internal static class FormOrder
{
    /// <summary>Compares two factors (or any two forms) by SymPy's sort key, then by canonical key.</summary>
    public static int CompareFactors(Form a, Form b)
    {
        int c = CompareKeys(SortKey(a), SortKey(b));
        return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>The terms of a sum (its number included, when not 0) in printing order.</summary>
    public static List<Form> OrderedTerms(Coefficient constant, IReadOnlyList<Form> terms)
    {
        var all = new List<Form>(terms);
        if (!constant.IsZero) all.Add(new NumberForm(constant));
        if (all.Count == 2 && !constant.IsZero && !constant.IsNegative
            && terms[0] is ProductForm { Factors.Count: 1 } p && p.Coefficient.IsNegative)
            return [all[1], all[0]];
        var monomials = all.Select(Monomial).ToList();
        var gens = monomials.SelectMany(m => m.Keys).Distinct().ToList();
        var genForms = new Dictionary<string, Form>(StringComparer.Ordinal);
        foreach (var m in all.Select(MonomialForms)) foreach (var (k, f) in m) genForms.TryAdd(k, f);
        gens.Sort((x, y) => CompareFactors(genForms[x], genForms[y]));
        var index = Enumerable.Range(0, all.Count).ToList();
        index.Sort((i, j) =>
        {
            foreach (var g in gens)
            {
                double ei = monomials[i].GetValueOrDefault(g), ej = monomials[j].GetValueOrDefault(g);
                if (ei != ej) return ej.CompareTo(ei);
            }
            int c = NumericValue(all[i]).CompareTo(NumericValue(all[j]));
            return c != 0 ? c : string.CompareOrdinal(all[i].Key, all[j].Key);
        });
        return index.Select(i => all[i]).ToList();
    }

    // ---- SymPy's as_terms: a term as numeric coefficient × Π genᵉ ----------------------------------------------------

    private static IEnumerable<Form> TermFactors(Form t) => t switch
    {
        NumberForm => [],
        ProductForm p => p.Factors,
        _ => [t],
    };

    private static bool IsNumber(Form f) => !FormAlgebra.HasVariables(f);

    /// <summary>SymPy's <c>decompose_power</c>: bᵖᐟᑫ = (b^(1/q))ᵖ, b^(c·t) = (b^(t/q))ᵖ for c = p/q, exp(c·t) likewise.</summary>
    private static (Form Gen, double Exponent) Decompose(Form factor)
    {
        var (b, e) = factor switch
        {
            PowerForm p => (p.Base, p.Exponent),
            CallForm { Function: MathFunction.Exp } x => (SymbolForm.E, x.Argument),
            _ => (factor, FormAlgebra.One),
        };
        var (c, tail) = e is NumberForm n ? (n.Value, FormAlgebra.One) : FormAlgebra.SplitCoefficient(e);
        if (!c.IsExact || (c.IsOne && e is not NumberForm)) return (factor, 1);
        var root = FormAlgebra.Multiply(FormAlgebra.Number(Coefficient.Rational(1, c.Denominator)), tail);
        var gen = b is SymbolForm { Kind: SymbolKind.E } ? FormAlgebra.Call(MathFunction.Exp, root) : FormAlgebra.Power(b, root);
        return (gen, (double)c.Numerator);
    }

    private static Dictionary<string, double> Monomial(Form t)
    {
        var m = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in TermFactors(t).Where(f => !IsNumber(f)))
        {
            var (g, e) = Decompose(f);
            m[g.Key] = m.GetValueOrDefault(g.Key) + e;
        }
        return m;
    }

    private static IEnumerable<(string, Form)> MonomialForms(Form t) =>
        TermFactors(t).Where(f => !IsNumber(f)).Select(f => Decompose(f).Gen).Select(g => (g.Key, g));

    private static double NumericValue(Form t)
    {
        double c = t switch { NumberForm n => n.Value.Value, ProductForm p => p.Coefficient.Value, _ => 1 };
        foreach (var f in TermFactors(t).Where(IsNumber))
            c *= FormWriter.Write(f).Evaluate(new Dictionary<string, double>());
        return c;
    }

    // ---- SymPy's sort_key ---------------------------------------------------------------------------------------------

    private static readonly object[] NumberClass = [1, 0, "Number"];
    private static readonly object[] OneKey = [NumberClass, new object[] { 0, Array.Empty<object>() }, Array.Empty<object>(), 1.0];

    private static object[] SortKey(Form f)
    {
        if (f is NumberForm n) return [NumberClass, new object[] { 0, Array.Empty<object>() }, Array.Empty<object>(), n.Value.Value];
        double coefficient = 1;
        Form expr = f;
        if (f is ProductForm p)
        {
            coefficient = p.Coefficient.Value;
            expr = p.Factors.Count == 1 ? p.Factors[0] : new ProductForm(Coefficient.One, p.Factors);
        }
        object exponent = OneKey;
        if (expr is PowerForm w)
        {
            exponent = SortKey(w.Exponent);
            expr = w.Base;
        }
        object[] args = expr switch
        {
            NumberForm a => [1, new object[] { a.Value.IsInteger ? a.Value.Numerator.ToString() : a.Value.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }],
            SymbolForm s => [1, new object[] { s.Kind switch { SymbolKind.Pi => "pi", SymbolKind.E => "E", _ => s.Name } }],
            CallForm c => [1, new object[] { SortKey(c.Argument) }],
            ProductForm m => [m.Factors.Count, m.Factors.Select(x => (object)SortKey(x)).ToArray()],
            SumForm s => Terms(s),
            _ => [0, Array.Empty<object>()],
        };
        return [ClassKey(expr), args, exponent, coefficient];
    }

    private static object[] Terms(SumForm s)
    {
        var terms = OrderedTerms(s.Constant, s.Terms);
        return [terms.Count, terms.Select(x => (object)SortKey(x)).ToArray()];
    }

    private static object[] ClassKey(Form f) => f switch
    {
        NumberForm => NumberClass,
        SymbolForm { Kind: SymbolKind.Pi } => [2, 0, "Pi"],
        SymbolForm { Kind: SymbolKind.E } => [2, 0, "Exp1"],
        SymbolForm => [2, 0, "Symbol"],
        ProductForm => [3, 0, "Mul"],
        SumForm => [3, 1, "Add"],
        CallForm c => c.Function switch
        {
            MathFunction.Exp => [4, 10, "exp"],
            MathFunction.Log => [4, 11, "log"],
            MathFunction.Sin => [4, 20, "sin"],
            MathFunction.Cos => [4, 21, "cos"],
            MathFunction.Tan => [4, 22, "tan"],
            MathFunction.Sinh => [4, 30, "sinh"],
            MathFunction.Cosh => [4, 31, "cosh"],
            MathFunction.Tanh => [4, 32, "tanh"],
            MathFunction.Abs => [4, 10000, "Abs"],
            MathFunction.Atan => [4, 10000, "atan"],
            _ => [4, 10000, MathFunctions.Name(c.Function)],
        },
        _ => [5, 0, f.GetType().Name],
    };

    /// <summary>Python's tuple comparison: element by element, the shorter first when one is a prefix of the other.</summary>
    private static int CompareKeys(object a, object b)
    {
        switch (a, b)
        {
            case (object[] x, object[] y):
                for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
                {
                    int c = CompareKeys(x[i], y[i]);
                    if (c != 0) return c;
                }
                return x.Length.CompareTo(y.Length);
            case (string s, string t):
                return string.CompareOrdinal(s, t);
            case (int or double, int or double):
                return Convert.ToDouble(a).CompareTo(Convert.ToDouble(b));
            default:
                return string.CompareOrdinal(a.GetType().Name, b.GetType().Name);
        }
    }
}
