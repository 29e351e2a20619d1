namespace MathForML.Calculus;

/// <summary>
/// A formula as an immutable tree: numbers, variables, + − × ÷ ^, unary minus and calls of <see cref="MathFunction"/>s.
/// Nodes compare by structure (they are records), so <c>x*y == x*y</c>.
/// </summary>
/// <remarks>
/// <para><see cref="Parse(string)"/> reads the notation of textbooks and of the NIST StRD files (<c>+ - * / ^ **</c>,
/// brackets as parentheses, <c>exp[-b2*x]</c>, <c>pi</c>, <c>e</c>, <c>1.5E-3</c>, <c>.5</c>); <see cref="ToString"/>
/// prints it back with the fewest parentheses that keep the tree, using <c>^</c> for powers.</para>
/// <para>Each node type evaluates itself and states its own derivative right beside it (sum rule, product rule,
/// quotient rule, power rule, chain rule), so <see cref="Differentiate(string, int)"/> reads like the rules on the
/// course's slides. The static builders (<see cref="Add"/>, <see cref="Multiply"/>, …, and the C# operators) simplify
/// locally as they build: constants fold, 0 and 1 vanish, x − x = 0, x·x = x². <see cref="Simplify"/> goes further and
/// brings the whole tree to a canonical form (like terms and powers collected, exact rational constants, factors in the
/// order a mathematician writes them), printed as SymPy prints it; <see cref="Differentiate(string, int)"/> returns that form.</para>
/// <para><see cref="Compile(IReadOnlyList{string})"/> turns the tree into a delegate through System.Linq.Expressions,
/// which the JIT compiles to machine code: evaluation then costs what the hand-written C# would.</para>
/// </remarks>
public abstract record Expression
{
    private protected Expression() { }

    /// <summary>
    /// The deepest tree a parsed formula may form, 1,000 levels (brackets, signs, exponents and the operators of a chain
    /// such as x+x+…+x all count): deeper formulas get an <see cref="ExpressionParseException"/> rather than a stack
    /// overflow in the recursive operations (evaluation, derivatives, printing), which would end the process.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>
    /// The largest expression <see cref="Differentiate"/> takes another derivative of: 20,000 nodes (numbers, names and
    /// operations). Beyond it an <see cref="ExpressionTooLargeException"/> is thrown before the work starts; a derivative
    /// can be several times larger than its input (x^x^x^x^x: 65, 315, 1,735, 8,142, 33,642 nodes for orders 1–5).
    /// </summary>
    public const int MaxDerivativeInput = 20_000;

    /// <summary>The most variables a symbolic <see cref="Hessian"/> takes, 200 (20,100 second derivatives).</summary>
    public const int MaxHessianVariables = 200;

    /// <summary>Parses <paramref name="formula"/>; throws <see cref="ExpressionParseException"/> with the position of the problem.</summary>
    public static Expression Parse(string formula) => ExpressionParser.Parse(formula, null);

    /// <summary>Parses <paramref name="formula"/>, allowing only the given variable names (an unknown one is a parse error at its position).</summary>
    public static Expression Parse(string formula, IEnumerable<string> allowedVariables) =>
        ExpressionParser.Parse(formula, allowedVariables.ToHashSet(StringComparer.Ordinal));

    /// <summary>The value of the expression with the variables bound by <paramref name="variables"/>.</summary>
    /// <exception cref="ArgumentException">A variable of the expression is not bound.</exception>
    public abstract double Evaluate(IReadOnlyDictionary<string, double> variables);

    /// <summary>The value of an expression with one variable (or none).</summary>
    public double Evaluate(string variable, double value) => Evaluate(new Dictionary<string, double> { [variable] = value });

    /// <summary>∂/∂<paramref name="variable"/> of this expression by the differentiation rules, before simplification of this node's result.</summary>
    protected internal abstract Expression Derive(string variable);

    /// <summary>The <paramref name="order"/>-th partial derivative with respect to <paramref name="variable"/>, simplified.</summary>
    public Expression Differentiate(string variable, int order = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        var e = Simplify();
        for (int k = 0; k < order; k++)
        {
            if (ExpressionSize.Of(e, MaxDerivativeInput) > MaxDerivativeInput)
                throw new ExpressionTooLargeException(k == 0 ? "The formula" : $"Derivative {k}", MaxDerivativeInput);
            e = e.Derive(variable).Simplify();
        }

        return e;
    }

    /// <summary>The gradient ∇f = (∂f/∂v₁, …, ∂f/∂vₙ) over <paramref name="variables"/>.</summary>
    public Expression[] Gradient(IReadOnlyList<string> variables) => variables.Select(v => Differentiate(v)).ToArray();

    /// <summary>The Hessian Hᵢⱼ = ∂²f/∂vᵢ∂vⱼ (symmetric: the upper triangle is computed and mirrored).</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxHessianVariables"/> variables.</exception>
    public Expression[,] Hessian(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        int n = variables.Count;
        if (n > MaxHessianVariables)
            throw new ArgumentOutOfRangeException(nameof(variables), n, $"A symbolic Hessian over {n:N0} variables is {(long)n * (n + 1) / 2:N0} second derivatives; at most {MaxHessianVariables} variables are taken (use Hessian.Numeric or Hessian.Dual at a point instead).");
        var h = new Expression[n, n];
        for (int i = 0; i < n; i++)
        {
            var di = Differentiate(variables[i]);
            for (int j = i; j < n; j++) h[i, j] = h[j, i] = di.Differentiate(variables[j]);
        }
        return h;
    }

    /// <summary>
    /// The canonical form of the expression, as a computer-algebra system keeps it: sums and products flattened, like
    /// terms collected (2x + 3x = 5x), like powers collected (x²·x³ = x⁵, x·x = x², x/x = 1), numbers folded exactly
    /// (6·x⁵/6 = x⁵; 1/3 stays 1/3, π and e stay symbols), 0 and 1 removed, factors ordered number first, then variables,
    /// then functions. It prints as SymPy's <c>str</c> does (with <c>^</c>): <c>-x*sin(x) + 2*cos(x)</c>, <c>3*x^2/(2*sqrt(x + 1))</c>.
    /// No product of sums is expanded and no sum is factored. Source: SymPy's automatic simplification
    /// (<c>Add.flatten</c>, <c>Mul.flatten</c>, <c>Pow</c>) and printer; see <see cref="Canonical.FormAlgebra"/>.
    /// </summary>
    public Expression Simplify() => Canonical.FormWriter.Write(Canonical.FormReader.Read(this));

    /// <summary>Calls <paramref name="visit"/> on every node, parents before children.</summary>
    public abstract void Walk(Action<Expression> visit);

    /// <summary>
    /// The variables that occur, in natural order (letters, then the number suffix by value: <c>b2</c> before <c>b10</c>).
    /// </summary>
    public IReadOnlyList<string> Variables
    {
        get
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            Walk(e => { if (e is Variable v) names.Add(v.Name); });
            return names.Order(NaturalOrder.Instance).ToArray();
        }
    }

    /// <summary>
    /// The variables in the order they are first written in the formula (<c>y*x + z</c> gives y, x, z), as a learner
    /// lists them: the tree is walked left to right, parents before children.
    /// </summary>
    public IReadOnlyList<string> VariablesAsWritten
    {
        get
        {
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Walk(e => { if (e is Variable v && seen.Add(v.Name)) names.Add(v.Name); });
            return names;
        }
    }

    /// <summary>True when <paramref name="variable"/> occurs in the expression.</summary>
    public bool DependsOn(string variable)
    {
        bool found = false;
        Walk(e => found |= e is Variable v && v.Name == variable);
        return found;
    }

    /// <summary>Replaces each variable named in <paramref name="values"/> by the expression given for it.</summary>
    public abstract Expression Substitute(IReadOnlyDictionary<string, Expression> values);

    /// <summary>
    /// Compiles to a delegate taking the values of <paramref name="variables"/> in that order
    /// (<c>f(values)</c> with <c>values[i]</c> the value of <c>variables[i]</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The expression uses a variable not in the list.</exception>
    public Func<double[], double> Compile(IReadOnlyList<string> variables) => ExpressionCompiler.Compile(this, variables);

    /// <summary>
    /// Evaluates at many points at once: row i of <paramref name="points"/> holds the values of <paramref name="variables"/>
    /// at point i, and <paramref name="results"/>[i] receives f there.
    /// </summary>
    public void EvaluateRows(IReadOnlyList<string> variables, LinearAlgebra.Matrix points, Span<double> results)
    {
        if (points.Columns != variables.Count)
            throw new LinearAlgebra.DimensionMismatchException($"points has {points.Columns} columns for {variables.Count} variables.", nameof(points));
        if (results.Length != points.Rows)
            throw new LinearAlgebra.DimensionMismatchException($"results has {results.Length} entries for {points.Rows} points.", nameof(results));
        var f = Compile(variables);
        var buffer = new double[variables.Count];
        for (int i = 0; i < points.Rows; i++)
        {
            points.RowSpan(i).CopyTo(buffer);
            results[i] = f(buffer);
        }
    }

    /// <summary>Printing precedence: 1 sums, 2 products, 3 unary minus, 4 powers, 5 atoms.</summary>
    internal abstract int Precedence { get; }

    /// <summary>The formula as text, parseable by <see cref="Parse(string)"/> back to the same tree.</summary>
    public sealed override string ToString() => ExpressionPrinter.Print(this);

    // ---- simplifying builders -------------------------------------------------------------------------------------

    /// <summary>A number.</summary>
    public static Expression Number(double value) => new Constant(value);

    /// <summary>A variable.</summary>
    public static Expression Var(string name) => new Variable(name);

    /// <summary>a + b, simplified.</summary>
    public static Expression Add(Expression a, Expression b) => Simplifier.Add(a, b);

    /// <summary>a − b, simplified.</summary>
    public static Expression Subtract(Expression a, Expression b) => Simplifier.Subtract(a, b);

    /// <summary>a·b, simplified.</summary>
    public static Expression Multiply(Expression a, Expression b) => Simplifier.Multiply(a, b);

    /// <summary>a / b, simplified.</summary>
    public static Expression Divide(Expression a, Expression b) => Simplifier.Divide(a, b);

    /// <summary>aᵇ, simplified.</summary>
    public static Expression Pow(Expression a, Expression b) => Simplifier.Pow(a, b);

    /// <summary>−a, simplified.</summary>
    public static Expression Negate(Expression a) => Simplifier.Negate(a);

    /// <summary>f(a), simplified (constant arguments fold).</summary>
    public static Expression Call(MathFunction function, Expression a) => Simplifier.Call(function, a);

    /// <summary>A constant.</summary>
    public static implicit operator Expression(double value) => new Constant(value);

    /// <summary>a + b, simplified.</summary>
    public static Expression operator +(Expression a, Expression b) => Add(a, b);

    /// <summary>a − b, simplified.</summary>
    public static Expression operator -(Expression a, Expression b) => Subtract(a, b);

    /// <summary>a·b, simplified.</summary>
    public static Expression operator *(Expression a, Expression b) => Multiply(a, b);

    /// <summary>a / b, simplified.</summary>
    public static Expression operator /(Expression a, Expression b) => Divide(a, b);

    /// <summary>−a, simplified.</summary>
    public static Expression operator -(Expression a) => Negate(a);

    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (px, nx) = Split(x!);
            var (py, ny) = Split(y!);
            int c = string.CompareOrdinal(px, py);
            if (c != 0) return c;
            c = nx.CompareTo(ny);
            return c != 0 ? c : string.CompareOrdinal(x, y);
        }

        private static (string Prefix, long Number) Split(string s)
        {
            int i = s.Length;
            while (i > 0 && char.IsAsciiDigit(s[i - 1])) i--;
            if (i == s.Length || s.Length - i > 18) return (s, -1);
            return (s[..i], long.Parse(s.AsSpan(i), System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
