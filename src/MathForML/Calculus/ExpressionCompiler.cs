using System.Reflection;
using Linq = System.Linq.Expressions;

namespace MathForML.Calculus;

/// <summary>
/// Compiles an <see cref="Expression"/> to <c>Func&lt;double[], double&gt;</c> with System.Linq.Expressions: variables
/// become loads <c>values[i]</c>, functions become calls of <see cref="Math"/>, small integer powers (2, 3, −1, −2) become
/// multiplications of a temporary (exact where <c>Math.Pow</c> may be off by an ulp), other powers call <c>Math.Pow</c>.
/// </summary>
internal static class ExpressionCompiler
{
    private static readonly MethodInfo PowMethod = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;

    public static Func<double[], double> Compile(Expression e, IReadOnlyList<string> variables)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < variables.Count; i++) index.TryAdd(variables[i], i);
        foreach (var name in e.Variables)
            if (!index.ContainsKey(name))
                throw new ArgumentException($"unknown variable '{name}': it is not among [{string.Join(", ", variables)}].", nameof(variables));
        var values = Linq.Expression.Parameter(typeof(double[]), "values");
        var body = Build(e, values, index);
        // One compare on entry: too few values is an ArgumentException naming the variables, not an IndexOutOfRange.
        var tooFew = new ArgumentException($"The compiled formula takes {variables.Count} values ({string.Join(", ", variables)}); fewer were given.");
        var check = Linq.Expression.IfThen(
            Linq.Expression.LessThan(Linq.Expression.ArrayLength(values), Linq.Expression.Constant(variables.Count)),
            Linq.Expression.Throw(Linq.Expression.Constant(tooFew)));
        return Linq.Expression.Lambda<Func<double[], double>>(Linq.Expression.Block(check, body), values).Compile();
    }

    private static Linq.Expression Build(Expression e, Linq.ParameterExpression values, Dictionary<string, int> index) => e switch
    {
        Constant c => Linq.Expression.Constant(c.Value),
        Variable v => Linq.Expression.ArrayIndex(values, Linq.Expression.Constant(index[v.Name])),
        Negation n => Linq.Expression.Negate(Build(n.Operand, values, index)),
        Sum s => Linq.Expression.Add(Build(s.Left, values, index), Build(s.Right, values, index)),
        Difference d => Linq.Expression.Subtract(Build(d.Left, values, index), Build(d.Right, values, index)),
        Product p => Linq.Expression.Multiply(Build(p.Left, values, index), Build(p.Right, values, index)),
        Quotient q => Linq.Expression.Divide(Build(q.Left, values, index), Build(q.Right, values, index)),
        Power w => BuildPower(w, values, index),
        FunctionCall f => Linq.Expression.Call(FunctionMethod(f.Function), Build(f.Argument, values, index)),
        _ => throw new ArgumentException($"Unknown node {e.GetType().Name}.", nameof(e)),
    };

    private static Linq.Expression BuildPower(Power w, Linq.ParameterExpression values, Dictionary<string, int> index)
    {
        var b = Build(w.Left, values, index);
        if (w.Right is Constant { Value: 2 or 3 or -1 or -2 } k)
        {
            var t = Linq.Expression.Variable(typeof(double), "t");
            Linq.Expression square = Linq.Expression.Multiply(t, t);
            Linq.Expression result = k.Value switch
            {
                2 => square,
                3 => Linq.Expression.Multiply(square, t),
                -1 => Linq.Expression.Divide(Linq.Expression.Constant(1.0), t),
                _ => Linq.Expression.Divide(Linq.Expression.Constant(1.0), square),
            };
            return Linq.Expression.Block(typeof(double), [t], Linq.Expression.Assign(t, b), result);
        }
        return Linq.Expression.Call(PowMethod, b, Build(w.Right, values, index));
    }

    private static MethodInfo FunctionMethod(MathFunction f)
    {
        string name = f switch
        {
            MathFunction.Exp => nameof(Math.Exp),
            MathFunction.Log => nameof(Math.Log),
            MathFunction.Sqrt => nameof(Math.Sqrt),
            MathFunction.Sin => nameof(Math.Sin),
            MathFunction.Cos => nameof(Math.Cos),
            MathFunction.Tan => nameof(Math.Tan),
            MathFunction.Atan => nameof(Math.Atan),
            MathFunction.Sinh => nameof(Math.Sinh),
            MathFunction.Cosh => nameof(Math.Cosh),
            MathFunction.Tanh => nameof(Math.Tanh),
            MathFunction.Abs => nameof(Math.Abs),
            MathFunction.Sign => nameof(SignOf),
            _ => throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown function."),
        };
        return f == MathFunction.Sign
            ? typeof(ExpressionCompiler).GetMethod(nameof(SignOf), BindingFlags.NonPublic | BindingFlags.Static)!
            : typeof(Math).GetMethod(name, [typeof(double)])!;
    }

    private static double SignOf(double x) => double.IsNaN(x) ? double.NaN : Math.Sign(x);
}
