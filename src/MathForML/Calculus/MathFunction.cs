namespace MathForML.Calculus;

/// <summary>
/// The functions an <see cref="Expression"/> may call. <c>log</c> and <c>ln</c> are both the natural logarithm (the NIST
/// StRD files and most textbooks write <c>log</c>); <c>atan</c> and <c>arctan</c> are the same function.
/// <see cref="Sign"/> appears in the derivative of <c>abs</c>.
/// </summary>
public enum MathFunction
{
    /// <summary>eˣ.</summary>
    Exp,
    /// <summary>Natural logarithm ln x.</summary>
    Log,
    /// <summary>√x.</summary>
    Sqrt,
    /// <summary>sin x (radians).</summary>
    Sin,
    /// <summary>cos x (radians).</summary>
    Cos,
    /// <summary>tan x (radians).</summary>
    Tan,
    /// <summary>arctan x.</summary>
    Atan,
    /// <summary>sinh x.</summary>
    Sinh,
    /// <summary>cosh x.</summary>
    Cosh,
    /// <summary>tanh x.</summary>
    Tanh,
    /// <summary>|x|.</summary>
    Abs,
    /// <summary>sign x ∈ {−1, 0, 1}.</summary>
    Sign,
}

/// <summary>Names, values and local derivatives of <see cref="MathFunction"/>s.</summary>
public static class MathFunctions
{
    private static readonly Dictionary<string, MathFunction> ByName = new(StringComparer.Ordinal)
    {
        ["exp"] = MathFunction.Exp,
        ["log"] = MathFunction.Log,
        ["ln"] = MathFunction.Log,
        ["sqrt"] = MathFunction.Sqrt,
        ["sin"] = MathFunction.Sin,
        ["cos"] = MathFunction.Cos,
        ["tan"] = MathFunction.Tan,
        ["arctan"] = MathFunction.Atan,
        ["atan"] = MathFunction.Atan,
        ["sinh"] = MathFunction.Sinh,
        ["cosh"] = MathFunction.Cosh,
        ["tanh"] = MathFunction.Tanh,
        ["abs"] = MathFunction.Abs,
        ["sign"] = MathFunction.Sign,
    };

    /// <summary>Every name the parser accepts as a function.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>Looks a function up by the name written in a formula.</summary>
    public static bool TryParse(string name, out MathFunction function) => ByName.TryGetValue(name, out function);

    /// <summary>The name printed for <paramref name="function"/>.</summary>
    public static string Name(MathFunction function) => function switch
    {
        MathFunction.Atan => "arctan",
        _ => function.ToString().ToLowerInvariant(),
    };

    /// <summary>The function's value at <paramref name="x"/>.</summary>
    public static double Evaluate(MathFunction function, double x) => function switch
    {
        MathFunction.Exp => Math.Exp(x),
        MathFunction.Log => Math.Log(x),
        MathFunction.Sqrt => Math.Sqrt(x),
        MathFunction.Sin => Math.Sin(x),
        MathFunction.Cos => Math.Cos(x),
        MathFunction.Tan => Math.Tan(x),
        MathFunction.Atan => Math.Atan(x),
        MathFunction.Sinh => Math.Sinh(x),
        MathFunction.Cosh => Math.Cosh(x),
        MathFunction.Tanh => Math.Tanh(x),
        MathFunction.Abs => Math.Abs(x),
        MathFunction.Sign => double.IsNaN(x) ? double.NaN : Math.Sign(x),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown function."),
    };

    /// <summary>
    /// The local derivative g′(u) of g = <paramref name="function"/> as an expression in its argument u, so that the chain
    /// rule reads d g(u) = g′(u)·du: exp′ = exp, log′ = 1/u, sqrt′ = 1/(2√u), sin′ = cos, cos′ = −sin, tan′ = 1 + tan²,
    /// arctan′ = 1/(1 + u²), sinh′ = cosh, cosh′ = sinh, tanh′ = 1 − tanh², abs′ = sign, sign′ = 0 (away from 0).
    /// </summary>
    public static Expression Derivative(MathFunction function, Expression u) => function switch
    {
        MathFunction.Exp => Expression.Call(MathFunction.Exp, u),
        MathFunction.Log => 1 / u,
        MathFunction.Sqrt => 1 / (2 * Expression.Call(MathFunction.Sqrt, u)),
        MathFunction.Sin => Expression.Call(MathFunction.Cos, u),
        MathFunction.Cos => -Expression.Call(MathFunction.Sin, u),
        MathFunction.Tan => 1 + Expression.Pow(Expression.Call(MathFunction.Tan, u), 2),
        MathFunction.Atan => 1 / (1 + Expression.Pow(u, 2)),
        MathFunction.Sinh => Expression.Call(MathFunction.Cosh, u),
        MathFunction.Cosh => Expression.Call(MathFunction.Sinh, u),
        MathFunction.Tanh => 1 - Expression.Pow(Expression.Call(MathFunction.Tanh, u), 2),
        MathFunction.Abs => Expression.Call(MathFunction.Sign, u),
        MathFunction.Sign => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown function."),
    };
}
