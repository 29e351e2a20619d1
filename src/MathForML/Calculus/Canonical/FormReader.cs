namespace MathForML.Calculus.Canonical;

/// <summary>
/// Reads an <see cref="Expression"/> tree into the canonical <see cref="Form"/>, node by node through
/// <see cref="FormAlgebra"/>: u − v = u + (−1)·v, u/v = u·v⁻¹, −u = (−1)·u, √u = u^(1/2), a·b·c = (a·b)·c, one binary
/// operation at a time as SymPy evaluates <c>a*b*c</c>; the constants π and e stay symbols. The grouping of the tree
/// matters where SymPy's does: (3·(x + 1))·cos x = (3x + 3)·cos x, but 3·((x + 1)·cos x) = 3(x + 1)·cos x.
/// </summary>
internal static class FormReader
{
    public static Form Read(Expression e) => e switch
    {
        Constant c when c.Value == Math.PI => SymbolForm.Pi,
        Constant c when c.Value == Math.E => SymbolForm.E,
        Constant c when c.Value == -Math.PI => FormAlgebra.Negate(SymbolForm.Pi),
        Constant c when c.Value == -Math.E => FormAlgebra.Negate(SymbolForm.E),
        Constant c => FormAlgebra.Number(Coefficient.Of(c.Value == 0 ? 0 : c.Value)),
        Variable v => new SymbolForm(v.Name, SymbolKind.Variable),
        Negation n => FormAlgebra.Negate(Read(n.Operand)),
        Sum s => FormAlgebra.Add(Read(s.Left), Read(s.Right)),
        Difference d => FormAlgebra.Add(Read(d.Left), FormAlgebra.Negate(Read(d.Right))),
        Product p => FormAlgebra.Multiply(Read(p.Left), Read(p.Right)),
        Quotient q => FormAlgebra.Multiply(Read(q.Left), FormAlgebra.Power(Read(q.Right), FormAlgebra.MinusOne)),
        Power w => FormAlgebra.Power(Read(w.Left), Read(w.Right)),
        FunctionCall f => FormAlgebra.Call(f.Function, Read(f.Argument)),
        _ => throw new ArgumentException($"Unknown node {e.GetType().Name}.", nameof(e)),
    };
}
