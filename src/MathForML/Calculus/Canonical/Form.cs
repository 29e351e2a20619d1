namespace MathForML.Calculus.Canonical;

/// <summary>
/// A node of the canonical form, the n-ary shape a computer-algebra system keeps (SymPy's <c>Add</c>, <c>Mul</c>,
/// <c>Pow</c>): a sum is a number plus a list of terms, a product is a coefficient times a list of factors each a
/// power of a distinct base, and the lists are sorted. <see cref="Key"/> is a canonical text of the node, so two
/// forms are equal exactly when their keys are; it drives the collection of like terms (2x + 3x = 5x) and of like
/// powers (x²·x³ = x⁵).
/// </summary>
internal abstract class Form
{
    private string? _key;

    /// <summary>Canonical text: equal keys ⇔ equal forms.</summary>
    public string Key => _key ??= MakeKey();

    protected abstract string MakeKey();

    public override string ToString() => Key;
}

/// <summary>A number (exact rational or float).</summary>
internal sealed class NumberForm(Coefficient value) : Form
{
    public Coefficient Value { get; } = value;

    protected override string MakeKey() => "#" + Value.Key;
}

/// <summary>A variable, or one of the named constants π and e (which stay symbolic: 2·pi·x, not 6.28…·x).</summary>
internal sealed class SymbolForm(string name, SymbolKind kind) : Form
{
    public static readonly SymbolForm Pi = new("pi", SymbolKind.Pi);
    public static readonly SymbolForm E = new("e", SymbolKind.E);

    public string Name { get; } = name;

    public SymbolKind Kind { get; } = kind;

    protected override string MakeKey() => "$" + Name;
}

/// <summary>What a <see cref="SymbolForm"/> names.</summary>
internal enum SymbolKind
{
    Variable,
    Pi,
    E,
}

/// <summary>f(u) for a function other than √ (√u is the power u^(1/2)).</summary>
internal sealed class CallForm(MathFunction function, Form argument) : Form
{
    public MathFunction Function { get; } = function;

    public Form Argument { get; } = argument;

    protected override string MakeKey() => MathFunctions.Name(Function) + "(" + Argument.Key + ")";
}

/// <summary>bᵉ with e ≠ 0, 1.</summary>
internal sealed class PowerForm(Form @base, Form exponent) : Form
{
    public Form Base { get; } = @base;

    public Form Exponent { get; } = exponent;

    protected override string MakeKey() => "(" + Base.Key + ")^(" + Exponent.Key + ")";
}

/// <summary>c·f₁·f₂·…·fₙ with n ≥ 1, c ≠ 0, distinct bases, factors in SymPy's order (and not 1·f).</summary>
internal sealed class ProductForm(Coefficient coefficient, IReadOnlyList<Form> factors) : Form
{
    public Coefficient Coefficient { get; } = coefficient;

    public IReadOnlyList<Form> Factors { get; } = factors;

    protected override string MakeKey() => "[" + Coefficient.Key + "*" + string.Join("*", Factors.Select(f => f.Key)) + "]";
}

/// <summary>c + t₁ + … + tₙ with n ≥ 1 terms that are neither numbers nor sums, like terms collected, in a fixed order.</summary>
internal sealed class SumForm(Coefficient constant, IReadOnlyList<Form> terms) : Form
{
    public Coefficient Constant { get; } = constant;

    public IReadOnlyList<Form> Terms { get; } = terms;

    protected override string MakeKey() => "{" + Constant.Key + "+" + string.Join("+", Terms.Select(t => t.Key)) + "}";
}
