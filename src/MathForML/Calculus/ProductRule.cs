using MathForML.Calculus.Canonical;

namespace MathForML.Calculus;

/// <summary>
/// The general product rule d(f₁f₂…fₙ) = Σᵢ f₁…fᵢ₋₁·dfᵢ·fᵢ₊₁…fₙ, one term per factor that depends on the variable, with a
/// quotient u/(v₁v₂…) read as the product u·v₁⁻¹·v₂⁻¹… (so the quotient rule d(u/v) = du/v − u·dv/v² comes out term by term).
/// The factors are those SymPy's <c>Mul</c> would hold, in its order: one number (the coefficient, sign included), then the
/// other factors; each term multiplies them left to right, ((1·f₁)·f₂)·…, as SymPy's <c>Mul._eval_derivative</c> does. Source: Leibniz's rule; SymPy 1.11,
/// sympy/core/mul.py.
/// </summary>
internal static class ProductRule
{
    public static Expression Derive(Expression product, string variable)
    {
        var factors = Arguments(product);
        Expression? sum = null;
        for (int i = 0; i < factors.Count; i++)
        {
            if (!factors[i].DependsOn(variable)) continue;
            var term = factors.Select((f, j) => j == i ? f.Derive(variable) : f).Aggregate((a, b) => new Product(a, b));
            sum = sum is null ? term : new Sum(sum, term);
        }
        return sum ?? new Constant(0);
    }

    /// <summary>The factors of a chain of products, quotients and negations: the numeric coefficient first (when not 1), then the others in order.</summary>
    internal static List<Expression> Arguments(Expression e)
    {
        var coefficient = Coefficient.One;
        var factors = new List<Expression>();
        void Collect(Expression x, bool denominator)
        {
            switch (x)
            {
                case Product p: Collect(p.Left, denominator); Collect(p.Right, denominator); break;
                case Quotient q: Collect(q.Left, denominator); Collect(q.Right, !denominator); break;
                case Negation n: coefficient = coefficient.Negate(); Collect(n.Operand, denominator); break;
                case Constant c when FormReader.Read(c) is NumberForm { Value: var v } && (!denominator || v.Reciprocal() is not null):
                    coefficient *= denominator ? v.Reciprocal()!.Value : v;
                    break;
                default: factors.Add(denominator ? Reciprocal(x) : x); break;
            }
        }
        Collect(e, false);
        var ordered = factors.OrderBy(Rank).ToList();   // stable: the printed order within a class
        if (!coefficient.IsOne) ordered.Insert(0, FormWriter.Write(new NumberForm(coefficient)));
        return ordered;
    }

    /// <summary>
    /// The class order of SymPy's <c>Basic.compare</c>, which orders a <c>Mul</c>'s arguments: numbers, then π, e and
    /// variables, then powers (by the class of their base), then sums, then functions. It decides where a number meets a sum in the product rule's
    /// left-to-right multiplication (d/dx 3(x + 1)·sin x = (3x + 3)·cos x + 3·sin x, as SymPy prints it).
    /// </summary>
    private static int Rank(Expression f) => f switch
    {
        Constant or Variable => 10,
        Power p => 20 + Rank(p.Left) / 10,
        FunctionCall { Function: MathFunction.Sqrt } s => 20 + Rank(s.Argument) / 10,
        Sum or Difference => 40,
        _ => 50,
    };

    /// <summary>v⁻¹ written as SymPy holds it: the exponent negated (x⁻², u^(−1/2)) rather than a power of a power.</summary>
    private static Expression Reciprocal(Expression v) => v switch
    {
        Power { Right: Constant k } p => new Power(p.Left, new Constant(-k.Value)),
        Power p => new Power(p.Left, new Negation(p.Right)),
        FunctionCall { Function: MathFunction.Sqrt } s => new Power(s.Argument, new Negation(new Quotient(new Constant(1), new Constant(2)))),
        _ => new Power(v, new Constant(-1)),
    };
}
