namespace MathForML.Calculus;

/// <summary>
/// The depth of an expression tree, found without recursion (an explicit stack), so that a tree too deep for the
/// recursive operations (evaluation, derivatives, printing, equality) is measured safely and refused before any of
/// them runs. See <see cref="Expression.MaxDepth"/>.
/// </summary>
internal static class ExpressionDepth
{
    /// <summary>The number of nodes on the longest path from the root to a leaf (a leaf alone is 1).</summary>
    public static int Of(Expression root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var stack = new Stack<(Expression Node, int Depth)>();
        stack.Push((root, 1));
        int deepest = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case Negation n:
                    stack.Push((n.Operand, depth + 1));
                    break;
                case BinaryExpression b:
                    stack.Push((b.Left, depth + 1));
                    stack.Push((b.Right, depth + 1));
                    break;
                case FunctionCall f:
                    stack.Push((f.Argument, depth + 1));
                    break;
            }
        }

        return deepest;
    }
}
