namespace MathForML.Calculus;

/// <summary>
/// The local rewriting rules of the simplifying builders: constant folding (only when the result is finite, so 1/0
/// stays visible), the identities x + 0 = x, x·1 = x, x·0 = 0, x⁰ = 1, x¹ = x, x − x = 0, x/x = 1, x·x = x²,
/// −(−x) = x, a + (−b) = a − b, and constants gathered to the front of products (2·(3·x) = 6·x).
/// These are the cheap local rules of the builders (<see cref="Expression.Add"/>, the operators); the canonical form that
/// <see cref="Expression.Simplify"/> and <see cref="Expression.Differentiate"/> return is built by <see cref="Canonical.FormAlgebra"/>.
/// </summary>
internal static class Simplifier
{
    private static bool IsConstant(Expression e, out double c)
    {
        if (e is Constant k) { c = k.Value; return true; }
        c = 0;
        return false;
    }

    private static bool Is(Expression e, double value) => e is Constant k && k.Value == value;

    private static Expression Fold(double value, Func<Expression> otherwise) =>
        double.IsFinite(value) ? new Constant(value) : otherwise();

    public static Expression Add(Expression a, Expression b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y)) return Fold(x + y, () => new Sum(a, b));
        if (Is(a, 0)) return b;
        if (Is(b, 0)) return a;
        if (b is Negation nb) return Subtract(a, nb.Operand);
        if (IsConstant(b, out var cb) && cb < 0) return Subtract(a, new Constant(-cb));
        if (a is Negation na) return Subtract(b, na.Operand);
        if (a == b) return Multiply(2, a);
        return new Sum(a, b);
    }

    public static Expression Subtract(Expression a, Expression b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y)) return Fold(x - y, () => new Difference(a, b));
        if (Is(b, 0)) return a;
        if (Is(a, 0)) return Negate(b);
        if (a == b) return 0;
        if (b is Negation nb) return Add(a, nb.Operand);
        if (IsConstant(b, out var cb) && cb < 0) return Add(a, new Constant(-cb));
        return new Difference(a, b);
    }

    public static Expression Multiply(Expression a, Expression b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y)) return Fold(x * y, () => new Product(a, b));
        if (Is(a, 0) || Is(b, 0)) return 0;
        if (Is(a, 1)) return b;
        if (Is(b, 1)) return a;
        if (Is(a, -1)) return Negate(b);
        if (Is(b, -1)) return Negate(a);
        if (a is Negation na) return Negate(Multiply(na.Operand, b));
        if (b is Negation nb) return Negate(Multiply(a, nb.Operand));
        if (IsConstant(b, out _) && a is not Constant) return Multiply(b, a);
        if (IsConstant(a, out var c1))
        {
            if (c1 < 0) return Negate(Multiply(new Constant(-c1), b));
            if (b is Product { Left: Constant c2 } pb) return Multiply(Fold(c1 * c2.Value, () => new Product(a, c2)), pb.Right);
        }
        if (a == b) return Pow(a, 2);
        if (a is Power pa && pa.Left == b && pa.Right is Constant pe) return Pow(b, pe.Value + 1);
        if (b is Power pbb && pbb.Left == a && pbb.Right is Constant pe2) return Pow(a, pe2.Value + 1);
        return new Product(a, b);
    }

    public static Expression Divide(Expression a, Expression b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y)) return Fold(x / y, () => new Quotient(a, b));
        if (Is(b, 1)) return a;
        if (Is(b, -1)) return Negate(a);
        if (Is(a, 0) && b is Constant) return 0;
        if (a == b && a is not Constant) return 1;
        if (a is Negation na) return Negate(Divide(na.Operand, b));
        if (b is Negation nb) return Negate(Divide(a, nb.Operand));
        return new Quotient(a, b);
    }

    public static Expression Pow(Expression a, Expression b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y)) return Fold(Math.Pow(x, y), () => new Power(a, b));
        if (Is(b, 0)) return 1;
        if (Is(b, 1)) return a;
        if (Is(a, 1)) return 1;
        if (a is Power { Right: Constant inner } pa && IsConstant(b, out var outer) && double.IsInteger(inner.Value) && double.IsInteger(outer))
            return Pow(pa.Left, inner.Value * outer);
        return new Power(a, b);
    }

    public static Expression Negate(Expression a) => a switch
    {
        Constant c => new Constant(-c.Value),
        Negation n => n.Operand,
        Difference d => new Difference(d.Right, d.Left),
        _ => new Negation(a),
    };

    public static Expression Call(MathFunction function, Expression a)
    {
        if (IsConstant(a, out var x)) return Fold(MathFunctions.Evaluate(function, x), () => new FunctionCall(function, a));
        if (function == MathFunction.Log && a is FunctionCall { Function: MathFunction.Exp } e) return e.Argument;
        return new FunctionCall(function, a);
    }
}
