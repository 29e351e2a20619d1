namespace MathForML.Calculus;

/// <summary>The number of nodes of an expression tree, counted without recursion and stopping once past a limit.</summary>
internal static class ExpressionSize
{
    /// <summary>The node count of <paramref name="root"/>, or <paramref name="limit"/> + 1 as soon as it is known to be larger.</summary>
    public static int Of(Expression root, int limit)
    {
        ArgumentNullException.ThrowIfNull(root);
        var stack = new Stack<Expression>();
        stack.Push(root);
        int count = 0;
        while (stack.Count > 0)
        {
            if (++count > limit) return limit + 1;
            switch (stack.Pop())
            {
                case Negation n:
                    stack.Push(n.Operand);
                    break;
                case BinaryExpression b:
                    stack.Push(b.Left);
                    stack.Push(b.Right);
                    break;
                case FunctionCall f:
                    stack.Push(f.Argument);
                    break;
            }
        }

        return count;
    }
}
