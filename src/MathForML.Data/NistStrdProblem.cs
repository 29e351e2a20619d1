using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Calculus;
using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Optimization;

namespace MathForML.Data;

/// <summary>
/// One problem of the NIST Statistical Reference Datasets for non-linear regression (StRD, public domain): the model
/// formula, two start vectors, the certified parameter values with their standard deviations, the certified residual
/// sum of squares, and the data. The response may be transformed (Nelson fits <c>log[y]</c>), in which case
/// <see cref="Response"/> holds the transformed values. Predictors are <c>x</c>, or <c>x1</c>, <c>x2</c>, … as the file's
/// data header names them; parameters are <c>b1</c> … <c>bk</c>.
/// Reference: https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml; McCullough (1999), "Assessing the reliability
/// of statistical software", The American Statistician 53(2) for the log relative error (LRE) score.
/// </summary>
public sealed record NistStrdProblem
{
    /// <summary>The dataset name (e.g. <c>MGH09</c>).</summary>
    public required string Name { get; init; }

    /// <summary>NIST's difficulty class: Lower, Average or Higher.</summary>
    public required string Difficulty { get; init; }

    /// <summary>The model as written in the file, without the <c>y =</c> and the <c>+ e</c>.</summary>
    public required string Formula { get; init; }

    /// <summary>The parsed model f(x; b).</summary>
    public required Expression Model { get; init; }

    /// <summary>The response's left-hand side as written (<c>y</c>, or <c>log[y]</c>).</summary>
    public required string ResponseFormula { get; init; }

    /// <summary>The predictor names, in data-column order.</summary>
    public required IReadOnlyList<string> PredictorNames { get; init; }

    /// <summary>The parameter names b1 … bk.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Start vector 1 (far from the solution).</summary>
    public required double[] Start1 { get; init; }

    /// <summary>Start vector 2 (closer).</summary>
    public required double[] Start2 { get; init; }

    /// <summary>The certified parameter values.</summary>
    public required double[] CertifiedValues { get; init; }

    /// <summary>The certified standard deviations of the parameters.</summary>
    public required double[] CertifiedStandardDeviations { get; init; }

    /// <summary>The certified residual sum of squares.</summary>
    public required double CertifiedResidualSumOfSquares { get; init; }

    /// <summary>The response values (after the transform of <see cref="ResponseFormula"/>).</summary>
    public required double[] Response { get; init; }

    /// <summary>The predictors, N×k (one column per predictor).</summary>
    public required Matrix Predictors { get; init; }

    /// <summary>The rounding errors of <see cref="Response"/>: exact decimal value (transformed) − double value.</summary>
    public required double[] ResponseCorrections { get; init; }

    /// <summary>The rounding errors of <see cref="Predictors"/>: exact decimal value − double value.</summary>
    public required Matrix PredictorCorrections { get; init; }

    /// <summary>
    /// Fits the problem's model from start 1 or 2 (default options: Levenberg–Marquardt), with the data's decimal rounding
    /// errors passed on to the extended-precision polish. Reports and stops as
    /// <see cref="NonlinearLeastSquares.Fit(RegressionModel, ReadOnlySpan{double}, ReadOnlySpan{double}, NonlinearLeastSquaresOptions?, IProgress{WorkProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is not 1 or 2.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public NonlinearLeastSquaresResult Fit(int start, NonlinearLeastSquaresOptions? options = null,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default) =>
        NonlinearLeastSquares.Fit(new FormulaModel(Model, PredictorNames, Predictors, ParameterNames, PredictorCorrections),
            Response, ResponseCorrections, Start(start), options, progress, cancellationToken);

    /// <summary>Start vector 1 or 2.</summary>
    public double[] Start(int which) => which switch
    {
        1 => Start1,
        2 => Start2,
        _ => throw new ArgumentOutOfRangeException(nameof(which), which, "NIST problems have start 1 and start 2."),
    };

    private static readonly Regex ParameterLine = new(@"^\s*b([0-9]+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex ModelStart = new(@"^\s*((?:y|log\s*[\[(]\s*y\s*[\])]))\s*=(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ErrorTerm = new(@"\+\s*e\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The names of the 27 NIST StRD non-linear regression problems shipped inside this library (the <c>.dat</c> files of
    /// NIST's site, public domain), in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(NistStrdProblem).Assembly.GetManifestResourceNames()
        .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".dat", StringComparison.Ordinal))
        .Select(r => r[ResourcePrefix.Length..^4]).Order(StringComparer.Ordinal).ToArray();

    private const string ResourcePrefix = "MathForML.Data.NistStrd.";

    /// <summary>One of the problems shipped inside this library, by name (e.g. <c>Thurber</c>; see <see cref="BuiltInNames"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="BuiltInNames"/>.</exception>
    public static NistStrdProblem Load(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var stream = typeof(NistStrdProblem).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".dat")
            ?? throw new ArgumentException($"There is no built-in NIST StRD problem '{name}'; there are {string.Join(", ", BuiltInNames)}.", nameof(name));
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Read([.. lines], name + ".dat");
    }

    /// <summary>Reads a NIST StRD <c>.dat</c> file; problems are reported as <see cref="DataFileException"/> with the line.</summary>
    public static NistStrdProblem Read(string path) => Read(File.ReadAllLines(path), path);

    /// <summary>Parses the lines of a NIST StRD <c>.dat</c> file; <paramref name="path"/> names it in errors and gives <see cref="Name"/>.</summary>
    internal static NistStrdProblem Read(string[] lines, string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        int modelLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("Model:", StringComparison.Ordinal));
        if (modelLine < 0) throw new DataFileException(path, "no 'Model:' section: this is not a NIST StRD non-linear regression file");

        // The model: from the line 'y = …' (or 'log[y] = …') to the line ending in '+ e'.
        int first = -1;
        for (int i = modelLine; i < lines.Length && first < 0; i++)
            if (ModelStart.IsMatch(lines[i])) first = i;
        if (first < 0) throw new DataFileException(path, "the Model section has no 'y = …' line", modelLine + 1);
        var m = ModelStart.Match(lines[first]);
        string lhs = m.Groups[1].Value;
        var parts = new List<string> { m.Groups[2].Value.Trim() };
        int last = first;
        while (!ErrorTerm.IsMatch(lines[last]))
        {
            last++;
            if (last >= lines.Length || string.IsNullOrWhiteSpace(lines[last]))
                throw new DataFileException(path, "the model formula does not end in '+ e'", first + 1);
            parts.Add(lines[last].Trim());
        }
        string formula = ErrorTerm.Replace(string.Join(" ", parts), "").Trim();
        formula = Regex.Replace(formula, @"\s+", " ");

        var starts1 = new List<double>();
        var starts2 = new List<double>();
        var certified = new List<double>();
        var sd = new List<double>();
        double? rss = null;
        int dataHeader = -1;
        string difficulty = "";
        for (int i = 0; i < lines.Length; i++)
        {
            var pm = ParameterLine.Match(lines[i]);
            if (pm.Success)
            {
                // The digits may be any number of them: compare as text so b99999999999 is "out of order", not an overflow.
                string digits = pm.Groups[1].Value.TrimStart('0');
                string expected = (starts1.Count + 1).ToString(CultureInfo.InvariantCulture);
                if (digits != expected) throw new DataFileException(path, $"parameter b{pm.Groups[1].Value} out of order (expected b{expected})", i + 1);
                starts1.Add(Number(path, lines, i, pm.Groups[2]));
                starts2.Add(Number(path, lines, i, pm.Groups[3]));
                certified.Add(Number(path, lines, i, pm.Groups[4]));
                sd.Add(Number(path, lines, i, pm.Groups[5]));
                continue;
            }
            var t = lines[i].Trim();
            if (t.StartsWith("Residual Sum of Squares:", StringComparison.Ordinal))
            {
                var g = Regex.Match(lines[i], @"Residual Sum of Squares:\s*(\S+)");
                rss = Number(path, lines, i, g.Groups[1]);
            }
            else if (t.Contains("Level of Difficulty", StringComparison.Ordinal)) difficulty = t.Split(' ')[0];
            else if (dataHeader < 0 && Regex.IsMatch(lines[i], @"^\s*Data:\s+y\b")) dataHeader = i;
        }
        if (starts1.Count == 0) throw new DataFileException(path, "no parameter lines 'bK = start1 start2 certified sd'");
        if (rss is null) throw new DataFileException(path, "no 'Residual Sum of Squares:' line");
        if (dataHeader < 0) throw new DataFileException(path, "no 'Data: y x' header");

        var header = lines[dataHeader].Trim()["Data:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var predictors = header.Skip(1).ToArray();
        if (predictors.Length == 0) throw new DataFileException(path, "the data header names no predictor", dataHeader + 1);
        var values = new List<double>();
        var response = new List<double>();
        var valueCorrections = new List<double>();
        var responseExact = new List<DoubleDouble>();
        for (int i = dataHeader + 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 0) continue;
            if (cells.Length != header.Length)
                throw new DataFileException(path, $"data row has {cells.Length} values, expected {header.Length} ({string.Join(" ", header)})", i + 1, 1);
            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new DataFileException(path, $"'{cells[c]}' is not a number", i + 1, lines[i].IndexOf(cells[c], StringComparison.Ordinal) + 1);
                DoubleDouble exact;
                try
                {
                    exact = DoubleDouble.Parse(cells[c]);
                }
                catch (FormatException e)
                {
                    throw new DataFileException(path, e.Message, i + 1, lines[i].IndexOf(cells[c], StringComparison.Ordinal) + 1);
                }
                if (c == 0)
                {
                    response.Add(v);
                    responseExact.Add(exact);
                }
                else
                {
                    values.Add(v);
                    valueCorrections.Add((exact - v).Hi);
                }
            }
        }
        if (response.Count == 0) throw new DataFileException(path, "no data rows after the 'Data:' header", dataHeader + 1);

        var parameterNames = Enumerable.Range(1, starts1.Count).Select(k => $"b{k}").ToArray();
        Expression model;
        Expression lhsExpression;
        try
        {
            model = Expression.Parse(formula, [.. parameterNames, .. predictors]);
            lhsExpression = Expression.Parse(lhs, ["y"]);
        }
        catch (ExpressionParseException e)
        {
            throw new DataFileException(path, e.Message, first + 1);
        }
        var y = response.ToArray();
        var yCorrections = new double[y.Length];
        var ySlot = new Dictionary<string, int> { ["y"] = 0 };
        for (int i = 0; i < y.Length; i++)
        {
            var exact = lhsExpression is Variable ? responseExact[i] : DoubleDouble.Evaluate(lhsExpression, ySlot, [responseExact[i]]);
            y[i] = exact.Hi;
            yCorrections[i] = exact.Lo;
        }
        return new NistStrdProblem
        {
            Name = name,
            Difficulty = difficulty,
            Formula = formula,
            Model = model,
            ResponseFormula = lhs,
            PredictorNames = predictors,
            ParameterNames = parameterNames,
            Start1 = [.. starts1],
            Start2 = [.. starts2],
            CertifiedValues = [.. certified],
            CertifiedStandardDeviations = [.. sd],
            CertifiedResidualSumOfSquares = rss.Value,
            Response = y,
            Predictors = Matrix.Wrap(y.Length, predictors.Length, values.ToArray()),
            ResponseCorrections = yCorrections,
            PredictorCorrections = Matrix.Wrap(y.Length, predictors.Length, valueCorrections.ToArray()),
        };
    }

    /// <summary>
    /// The log relative error LRE = −log₁₀(|estimate − certified|/|certified|), the number of matching significant digits,
    /// capped at 15 (exact agreement) and floored at 0.
    /// </summary>
    public static double LogRelativeError(double estimate, double certified)
    {
        if (estimate == certified) return 15;
        double rel = certified == 0 ? Math.Abs(estimate) : Math.Abs(estimate - certified) / Math.Abs(certified);
        if (!double.IsFinite(rel)) return 0;
        return Math.Clamp(-Math.Log10(rel), 0, 15);
    }

    private static double Number(string path, string[] lines, int i, Group g)
    {
        if (!double.TryParse(g.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new DataFileException(path, $"'{g.Value}' is not a number", i + 1, g.Index + 1);
        return v;
    }
}
