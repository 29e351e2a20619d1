namespace MathForML.Calculus;

/// <summary>
/// The sum rule d(u + v) = du + dv (a difference u − v as u + (−v), so that −v is differentiated as the product (−1)·v,
/// as SymPy holds a negative term). Terms free of the variable drop out.
/// </summary>
internal static class SumRule
{
    public static Expression Derive(Expression u, Expression v, string variable)
    {
        bool du = u.DependsOn(variable), dv = v.DependsOn(variable);
        if (du && dv) return new Sum(u.Derive(variable), v.Derive(variable));
        if (du) return u.Derive(variable);
        return dv ? v.Derive(variable) : new Constant(0);
    }
}
