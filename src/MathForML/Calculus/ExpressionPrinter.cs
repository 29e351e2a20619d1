using System.Globalization;
using System.Text;

namespace MathForML.Calculus;

/// <summary>
/// Prints an <see cref="Expression"/> as text with as few parentheses as keep its tree: a child is wrapped when its
/// precedence is lower than its place needs (left operands of − and / may be at the same level, right ones must bind
/// tighter; a power's base must be an atom, and a negative exponent is bracketed as SymPy does: <c>x^(-2)</c>). Numbers print in round-trip form; π and e print as <c>pi</c> and <c>e</c>.
/// </summary>
internal static class ExpressionPrinter
{
    public static string Print(Expression e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expression e)
    {
        switch (e)
        {
            case Constant c:
                sb.Append(FormatNumber(c.Value));
                break;
            case Variable v:
                sb.Append(v.Name);
                break;
            case Negation n:
                sb.Append('-');
                Child(sb, n.Operand, 4);
                break;
            case Sum s:
                Child(sb, s.Left, 1);
                sb.Append(" + ");
                Child(sb, s.Right, 2);
                break;
            case Difference d:
                Child(sb, d.Left, 1);
                sb.Append(" - ");
                Child(sb, d.Right, 2);
                break;
            case Product p:
                Child(sb, p.Left, 2);
                sb.Append('*');
                Child(sb, p.Right, 4);
                break;
            case Quotient q:
                Child(sb, q.Left, 2);
                sb.Append('/');
                Child(sb, q.Right, 4);
                break;
            case Power w:
                Child(sb, w.Left, 5);
                sb.Append('^');
                Child(sb, w.Right, 4);
                break;
            case FunctionCall f:
                sb.Append(MathFunctions.Name(f.Function)).Append('(');
                Write(sb, f.Argument);
                sb.Append(')');
                break;
            default:
                throw new ArgumentException($"Unknown node {e.GetType().Name}.", nameof(e));
        }
    }

    private static void Child(StringBuilder sb, Expression e, int needed)
    {
        bool wrap = e.Precedence < needed;
        if (wrap) sb.Append('(');
        Write(sb, e);
        if (wrap) sb.Append(')');
    }

    private static string FormatNumber(double x)
    {
        if (x == Math.PI) return "pi";
        if (x == Math.E) return "e";
        if (x == -Math.PI) return "-pi";
        if (x == -Math.E) return "-e";
        return x.ToString("R", CultureInfo.InvariantCulture);
    }
}
