namespace MathForML.Calculus;

// Each node: its value, and beside it its derivative rule.

/// <summary>A number c; dc/dx = 0.</summary>
public sealed record Constant(double Value) : Expression
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Value;

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) => new Constant(0);


    /// <inheritdoc/>
    public override void Walk(Action<Expression> visit) => visit(this);

    /// <inheritdoc/>
    public override Expression Substitute(IReadOnlyDictionary<string, Expression> values) => this;

    internal override int Precedence => Value < 0 || double.IsNegative(Value) ? 3 : 5;
}

/// <summary>A variable x; dx/dx = 1, dx/dy = 0.</summary>
public sealed record Variable(string Name) : Expression
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) =>
        variables.TryGetValue(Name, out var v) ? v
        : throw new ArgumentException($"unknown variable '{Name}': no value was given for it.", nameof(variables));

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) => new Constant(Name == variable ? 1 : 0);


    /// <inheritdoc/>
    public override void Walk(Action<Expression> visit) => visit(this);

    /// <inheritdoc/>
    public override Expression Substitute(IReadOnlyDictionary<string, Expression> values) =>
        values.TryGetValue(Name, out var e) ? e : this;

    internal override int Precedence => 5;
}

/// <summary>−u; d(−u) = −du.</summary>
public sealed record Negation(Expression Operand) : Expression
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => -Operand.Evaluate(variables);

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) =>
        Operand is Product or Quotient ? ProductRule.Derive(this, variable) : new Negation(Operand.Derive(variable));


    /// <inheritdoc/>
    public override void Walk(Action<Expression> visit) { visit(this); Operand.Walk(visit); }

    /// <inheritdoc/>
    public override Expression Substitute(IReadOnlyDictionary<string, Expression> values) => new Negation(Operand.Substitute(values));

    internal override int Precedence => 3;
}

/// <summary>A node with two operands.</summary>
public abstract record BinaryExpression(Expression Left, Expression Right) : Expression
{
    /// <inheritdoc/>
    public override void Walk(Action<Expression> visit) { visit(this); Left.Walk(visit); Right.Walk(visit); }

    /// <summary>The same operator over new operands (no simplification).</summary>
    internal abstract BinaryExpression With(Expression left, Expression right);

    /// <inheritdoc/>
    public override Expression Substitute(IReadOnlyDictionary<string, Expression> values) =>
        With(Left.Substitute(values), Right.Substitute(values));
}

/// <summary>u + v; sum rule d(u + v) = du + dv.</summary>
public sealed record Sum(Expression Left, Expression Right) : BinaryExpression(Left, Right)
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Left.Evaluate(variables) + Right.Evaluate(variables);

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) => SumRule.Derive(Left, Right, variable);


    internal override BinaryExpression With(Expression left, Expression right) => new Sum(left, right);

    internal override int Precedence => 1;
}

/// <summary>u − v; d(u − v) = du − dv.</summary>
public sealed record Difference(Expression Left, Expression Right) : BinaryExpression(Left, Right)
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Left.Evaluate(variables) - Right.Evaluate(variables);

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) => SumRule.Derive(Left, new Negation(Right), variable);


    internal override BinaryExpression With(Expression left, Expression right) => new Difference(left, right);

    internal override int Precedence => 1;
}

/// <summary>
/// u·v; product rule d(uv) = du·v + u·dv, applied to the whole chain of factors at once:
/// d(f₁f₂…fₙ) = Σᵢ f₁…dfᵢ…fₙ (each factor differentiated in turn, the others kept), as the slides and SymPy write it.
/// </summary>
public sealed record Product(Expression Left, Expression Right) : BinaryExpression(Left, Right)
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Left.Evaluate(variables) * Right.Evaluate(variables);

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) => ProductRule.Derive(this, variable);

    internal override BinaryExpression With(Expression left, Expression right) => new Product(left, right);

    internal override int Precedence => 2;
}

/// <summary>
/// u / v; quotient rule d(u/v) = du/v − u·dv/v², applied as the product rule on u·v⁻¹ (with d(v⁻¹) = −v⁻²·dv), so that a
/// denominator of several factors is differentiated factor by factor as SymPy does.
/// </summary>
public sealed record Quotient(Expression Left, Expression Right) : BinaryExpression(Left, Right)
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Left.Evaluate(variables) / Right.Evaluate(variables);

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable) => ProductRule.Derive(this, variable);

    internal override BinaryExpression With(Expression left, Expression right) => new Quotient(left, right);

    internal override int Precedence => 2;
}

/// <summary>
/// uᵛ; power rule d(uⁿ) = n·uⁿ⁻¹·du for v free of x, d(aᵛ) = aᵛ·ln a·dv for u free of x, and in general
/// d(uᵛ) = uᵛ·(dv·ln u + v·du/u).
/// </summary>
public sealed record Power(Expression Left, Expression Right) : BinaryExpression(Left, Right)
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => Math.Pow(Left.Evaluate(variables), Right.Evaluate(variables));

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable)
    {
        bool baseVaries = Left.DependsOn(variable), exponentVaries = Right.DependsOn(variable);
        if (!baseVaries && !exponentVaries) return new Constant(0);
        // uᵛ·(dv·ln u + du·v/u), grouped as SymPy's Pow._eval_derivative groups it (the grouping decides which numbers
        // multiply into a sum: du·v with a number v distributes, 2·(x + 1) = 2x + 2).
        Expression? exponentPart = exponentVaries ? new Product(Right.Derive(variable), new FunctionCall(MathFunction.Log, Left)) : null;
        Expression? basePart = baseVaries ? new Quotient(new Product(Left.Derive(variable), Right), Left) : null;
        var inner = exponentPart is null ? basePart! : basePart is null ? exponentPart : new Sum(exponentPart, basePart);
        return new Product(this, inner);
    }

    internal override BinaryExpression With(Expression left, Expression right) => new Power(left, right);

    internal override int Precedence => 4;
}

/// <summary>g(u) for a <see cref="MathFunction"/> g; chain rule d g(u) = g′(u)·du (√u as u^(1/2), by the power rule).</summary>
public sealed record FunctionCall(MathFunction Function, Expression Argument) : Expression
{
    /// <inheritdoc/>
    public override double Evaluate(IReadOnlyDictionary<string, double> variables) => MathFunctions.Evaluate(Function, Argument.Evaluate(variables));

    /// <inheritdoc/>
    protected internal override Expression Derive(string variable)
    {
        if (!Argument.DependsOn(variable)) return new Constant(0);
        if (Function == MathFunction.Sqrt) return new Power(Argument, new Quotient(new Constant(1), new Constant(2))).Derive(variable);
        return new Product(MathFunctions.Derivative(Function, Argument), Argument.Derive(variable));
    }


    /// <inheritdoc/>
    public override void Walk(Action<Expression> visit) { visit(this); Argument.Walk(visit); }

    /// <inheritdoc/>
    public override Expression Substitute(IReadOnlyDictionary<string, Expression> values) => new FunctionCall(Function, Argument.Substitute(values));

    internal override int Precedence => 5;
}
