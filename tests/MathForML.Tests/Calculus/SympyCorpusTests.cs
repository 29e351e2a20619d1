using System.Text;
using MathForML.Calculus;

namespace MathForML.Tests.Calculus;

/// <summary>
/// Our derivatives against SymPy's on the corpus of Reference/sympy-diff (expressions.txt, the derivatives SymPy 1.11.1
/// printed in derivatives.tsv, made by make_corpus.py): equal in value everywhere, and printed the same up to the order
/// of the terms of each sum on at least 95 % of the cases, the remaining differences listed in known-differences.txt.
/// </summary>
public class SympyCorpusTests
{
    private sealed record Case(string Formula, string Variable, int Order, string Sympy)
    {
        public string Id => $"{Formula} | {Variable} | {Order}";

        public Expression Ours => Expression.Parse(Formula).Differentiate(Variable, Order);
    }

    private static List<Case> Cases() =>
        File.ReadAllLines(ReferenceData.PathOf("sympy-diff", "derivatives.tsv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => new Case(p[0], p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), p[3]))
            .ToList();

    private static HashSet<string> KnownDifferences() =>
        File.ReadAllLines(ReferenceData.PathOf("sympy-diff", "known-differences.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void TheCorpusHasMoreThanAHundredCasesOfEachKind()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 100, $"{cases.Count} cases");
        Assert.Contains(cases, c => c.Formula.Contains('/', StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Order > 1);
        Assert.Contains(cases, c => c.Variable != "x");
    }

    [Fact]
    public void OurDerivativesEqualSympysInValue()
    {
        double[] values = [0.37, 0.61, 1.23, 1.49, 0.83];
        foreach (var c in Cases())
        {
            var ours = c.Ours;
            var theirs = Expression.Parse(c.Sympy);
            var names = Expression.Parse(c.Formula).VariablesAsWritten.Union(theirs.VariablesAsWritten).ToList();
            int compared = 0;
            for (int t = 0; t < values.Length; t++)
            {
                var point = new Dictionary<string, double>();
                for (int k = 0; k < names.Count; k++) point[names[k]] = values[(t + k) % values.Length] + 0.05 * k;
                double a = ours.Evaluate(point), b = theirs.Evaluate(point);
                if (double.IsNaN(a) && double.IsNaN(b)) continue;   // outside the domain of both (√(1 − x²) at x = 1.23)
                compared++;
                Assert.True(Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))),
                    $"{c.Id}: ours {ours} = {a:R}, SymPy's {c.Sympy} = {b:R} at {string.Join(", ", point.Select(p => $"{p.Key}={p.Value}"))}");
            }
            Assert.True(compared >= 3, $"{c.Id}: only {compared} points in the domain");
        }
    }

    [Fact]
    public void OurPrintingEqualsSympysUpToTermOrder()
    {
        var cases = Cases();
        var differences = cases.Where(c => PrintedTerms.Normalize(c.Ours.ToString()) != PrintedTerms.Normalize(c.Sympy)).ToList();
        double rate = 1 - (double)differences.Count / cases.Count;
        var report = string.Join("\n", differences.Select(c => $"{c.Id}\n    ours:  {c.Ours}\n    SymPy: {c.Sympy}"));
        Assert.True(rate >= 0.95, $"equal on {rate:P1} of {cases.Count}; differences:\n{report}");
        var known = KnownDifferences();
        var found = differences.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.True(found.SetEquals(known),
            $"new differences: [{string.Join("; ", found.Except(known))}]; no longer different: [{string.Join("; ", known.Except(found))}]\n{report}");
    }

    [Theory]
    [InlineData("-x*sin(x) + 2*cos(x)", "2*cos(x) - x*sin(x)")]
    [InlineData("exp(-x)/(1 + exp(-x))^2", "exp(-x)/(exp(-x) + 1)^2")]
    [InlineData("a - (b - c)", "-(-c + b) + a")]
    public void TermOrderIsIgnoredAtEveryLevel(string a, string b) =>
        Assert.Equal(PrintedTerms.Normalize(a), PrintedTerms.Normalize(b));

    [Theory]
    [InlineData("x*sin(x)", "sin(x)*x")]
    [InlineData("x - 1", "x + 1")]
    [InlineData("(x + 1)^2", "(x + 2)^2")]
    public void FactorsAndSignsStillCount(string a, string b) =>
        Assert.NotEqual(PrintedTerms.Normalize(a), PrintedTerms.Normalize(b));
}

/// <summary>
/// Normalises a printed formula so that two printings compare equal exactly when they differ only in the order of the
/// terms of their sums: at every level of brackets, the top-level terms (split at " + " and " - ") are sorted with their
/// signs. Both SymPy's and our printer put spaces around binary + and −, and none after a unary minus.
/// </summary>
internal static class PrintedTerms
{
    public static string Normalize(string text)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        char sign = '+';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '(')
            {
                int close = Matching(text, i);
                current.Append('(').Append(Normalize(text[(i + 1)..close])).Append(')');
                i = close;
                continue;
            }
            if (c == ' ' && i + 2 < text.Length && text[i + 1] is '+' or '-' && text[i + 2] == ' ')
            {
                terms.Add(sign + current.ToString());
                current.Clear();
                sign = text[i + 1];
                i += 2;
                continue;
            }
            current.Append(c);
        }
        terms.Add(sign + current.ToString());
        var signed = terms.Select(t => t.StartsWith("+-", StringComparison.Ordinal) ? "-" + t[2..] : t).Order(StringComparer.Ordinal);
        return string.Join(" ", signed);
    }

    private static int Matching(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        throw new FormatException($"unbalanced brackets in '{text}'");
    }
}
