using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MathForML.Calculus;
using MathForML.Data;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using static MathForML.Cli.Commands.CalcOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml fit</c>: non-linear least squares of a formula in x (or x1, x2, …) and parameters to data columns, or to a
/// NIST StRD <c>.dat</c> file (its model, start values and data; <c>--start 1|2</c>). Exit 1 when the fit does not
/// converge (the result is still printed), 2 for bad input.
/// </summary>
internal static class FitCommand
{
    private static readonly (string Name, NonlinearLeastSquaresMethod Value)[] Methods =
        [("lm", NonlinearLeastSquaresMethod.LevenbergMarquardt), ("gauss-newton", NonlinearLeastSquaresMethod.GaussNewton), ("steepest", NonlinearLeastSquaresMethod.SteepestDescent)];

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var data = new Option<string>("--data") { Description = "Data file: .csv/.txt columns (header optional) .npy, .arrow/.feather or .parquet (columns named as in the file), or a NIST StRD .dat file.", Required = true };
        var model = new Option<string?>("--model") { Description = "The model formula in x (or x1, x2, … for several predictors) and the parameters, e.g. \"b1*(1-exp(-b2*x))\". Default for NIST files: the file's model." };
        var start = new Option<string?>("--start") { Description = "Start values b1=..,b2=.. (the names are the parameters); for NIST files 1 or 2 (default 1)." };
        var method = CommonOptions.EnumOption("--method", "lm (Levenberg-Marquardt), gauss-newton or steepest (the course's).", NonlinearLeastSquaresMethod.LevenbergMarquardt, Methods);
        var x = new Option<string?>("--x") { Description = "Predictor columns: 1-based numbers or header names, comma-separated (default: all but the --y column)." };
        var y = new Option<string?>("--y") { Description = "Response column: 1-based number or header name (default: the last column)." };
        var maxIter = new Option<int?>("--max-iter") { Description = "Iteration limit (default 10000; 50 for steepest)." };
        var aggression = new Option<double>("--aggression") { Description = "Steepest descent's step factor: b ← b − aggression·∇χ².", DefaultValueFactory = _ => 2000 };
        var cmd = new Command("fit", "Non-linear least squares: fit a formula's parameters to data (Levenberg-Marquardt by default).")
        {
            data, model, start, method, x, y, maxIter, aggression,
        };
        CommonOptions.AddFileReading(cmd);
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var options = new NonlinearLeastSquaresOptions
            {
                Method = parse.GetValue(method),
                MaxIterations = parse.GetValue(maxIter),
                Aggression = parse.GetValue(aggression),
            };
            string path = parse.GetValue(data)!;
            var load = Stopwatch.StartNew();
            var problem = FitProblem.Load(path, parse.GetValue(model), parse.GetValue(start), parse.GetValue(x), parse.GetValue(y), CommonOptions.TextReading(parse));
            double loadSeconds = load.Elapsed.TotalSeconds;
            var watch = Stopwatch.StartNew();
            var result = problem.Fit(options, ctx.Cancellation);
            double seconds = watch.Elapsed.TotalSeconds;
            Report(ctx, problem, result, CommonOptions.NameOf(Methods, parse.GetValue(method)), seconds, loadSeconds);
            if (!result.Converged) ctx.Warn($"the fit did not converge ({result.StopReason} after {result.Iterations} iterations); the parameters are the last iterate.");
            return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
        }, ("start", "--start"), ("y", "--data"), ("x", "--data"), ("MaxIterations", "--max-iter"), ("Aggression", "--aggression"));
        return cmd;
    }

    private static void Report(CliContext ctx, FitProblem problem, NonlinearLeastSquaresResult r, string method, double seconds, double loadSeconds)
    {
        var names = r.ParameterNames;
        var certified = problem.Nist is { } nist
            ? new
            {
                parameters = names.Select((n, j) => (n, nist.CertifiedValues[j])).ToDictionary(p => p.n, p => p.Item2),
                standard_errors = names.Select((n, j) => (n, nist.CertifiedStandardDeviations[j])).ToDictionary(p => p.n, p => p.Item2),
                residual_sum_of_squares = nist.CertifiedResidualSumOfSquares,
                digits = Math.Min(r.Parameters.Select((b, j) => NistStrdProblem.LogRelativeError(b, nist.CertifiedValues[j])).Min(),
                    NistStrdProblem.LogRelativeError(r.ResidualSumOfSquares, nist.CertifiedResidualSumOfSquares)),
            }
            : null;
        // NaN standard errors mean the fit cannot tell its parameters apart at the solution (J rank-deficient): said on
        // stderr, written as null in JSON and "undefined" for people — never a bare NaN.
        var undefined = names.Where((_, j) => !double.IsFinite(r.StandardErrors[j])).ToArray();
        if (undefined.Length > 0)
            ctx.Warn($"the standard errors of {string.Join(", ", undefined)} are undefined: at the solution the model cannot tell the parameters apart (a parameter that does not change it, or parameters that change it the same way)");
        ctx.Emit(new
        {
            model = problem.Model.ToString(),
            parameters = names.Zip(r.Parameters).ToDictionary(p => p.First, p => p.Second),
            standard_errors = names.Zip(r.StandardErrors).ToDictionary(p => p.First, p => double.IsFinite(p.Second) ? p.Second : (double?)null),
            residual_sum_of_squares = r.ResidualSumOfSquares,
            residual_standard_deviation = r.ResidualStandardDeviation,
            degrees_of_freedom = r.DegreesOfFreedom,
            observations = problem.Observations,
            iterations = r.Iterations,
            function_evaluations = r.FunctionEvaluations,
            converged = r.Converged,
            stop_reason = r.StopReason.ToString(),
            method,
            certified,
            seconds,
            load_seconds = loadSeconds,
        }, () =>
        {
            ctx.Output.WriteLine($"y = {problem.Model}   ({problem.Observations} observations, {method})");
            int width = Math.Max(9, names.Max(n => n.Length));
            ctx.Output.WriteLine($"  {"parameter".PadRight(width)}  {"estimate",18}  {"std error",14}");
            for (int j = 0; j < names.Count; j++)
                ctx.Output.WriteLine($"  {names[j].PadRight(width)}  {r.Parameters[j],18:G12}  {(double.IsFinite(r.StandardErrors[j]) ? r.StandardErrors[j].ToString("G6", CultureInfo.InvariantCulture) : "undefined"),14}");
            ctx.Output.WriteLine($"residual sum of squares: {r.ResidualSumOfSquares:G12} (σ = {r.ResidualStandardDeviation:G6}, {r.DegreesOfFreedom} degrees of freedom)");
            ctx.Output.WriteLine($"{(r.Converged ? "converged" : "NOT converged")} after {r.Iterations} iterations, {r.FunctionEvaluations} evaluations ({r.StopReason})");
            if (certified is not null) ctx.Output.WriteLine($"agreement with NIST's certified values: {certified.digits:F1} significant digits");
        });
    }

    /// <summary>The model, data and start of one <c>mml fit</c> run.</summary>
    private sealed record FitProblem(Expression Model, string[] PredictorNames, Matrix Predictors, double[] Y, string[] ParameterNames, double[] Start, NistStrdProblem? Nist, int NistStart)
    {
        public int Observations => Y.Length;

        /// <summary>Fits the problem; the token is checked every iteration.</summary>
        public NonlinearLeastSquaresResult Fit(NonlinearLeastSquaresOptions options, CancellationToken cancellationToken)
        {
            return Nist is not null && Nist.Model == Model && Nist.Start(NistStart).SequenceEqual(Start)
                ? Nist.Fit(NistStart, options, cancellationToken: cancellationToken)
                : NonlinearLeastSquares.Fit(Model, PredictorNames, Predictors, Y, ParameterNames, Start, options, cancellationToken: cancellationToken);
        }

        public static FitProblem Load(string path, string? modelText, string? startText, string? xText, string? yText, TextMatrixReadOptions text)
        {
            if (IsNist(path))
            {
                if (xText is not null || yText is not null) throw new UserInputException("--x and --y do not apply to a NIST StRD file (its columns are fixed).");
                var nist = NistStrdProblem.Read(path);
                int which = 1;
                double[] start;
                string[] parameterNames = [.. nist.ParameterNames];
                if (startText is null || startText.Trim() is "1" or "2")
                {
                    which = startText is null ? 1 : int.Parse(startText.Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    start = nist.Start(which);
                }
                else
                {
                    (parameterNames, start) = NamedValues("--start", startText, null);
                }
                var model = modelText is null ? nist.Model : ParseModel(modelText, nist.PredictorNames, parameterNames);
                return new FitProblem(model, [.. nist.PredictorNames], nist.Predictors, nist.Response, parameterNames, start, nist, which);
            }
            if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected a data file");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
            if (modelText is null) throw new UserInputException("--model is required (only NIST StRD files carry their own model).");
            if (startText is null) throw new UserInputException("--start is required: give the parameters' start values as b1=..,b2=.. .");
            var (names, values) = NamedValues("--start", startText, null);
            var (matrix, header) = ReadTable(path, text);
            int yColumn = yText is null ? matrix.Columns - 1 : Column(path, "--y", yText.Trim(), matrix.Columns, header);
            int[] xColumns = xText is null
                ? Enumerable.Range(0, matrix.Columns).Where(c => c != yColumn).ToArray()
                : xText.Split(',', StringSplitOptions.TrimEntries).Select(c => Column(path, "--x", c, matrix.Columns, header)).ToArray();
            if (xColumns.Length == 0) throw new UserInputException($"{path}: the file has only {matrix.Columns} column(s); a fit needs a predictor column besides the response.");
            if (xColumns.Contains(yColumn)) throw new UserInputException($"--x and --y both use column {yColumn + 1}.");
            string[] predictorNames = xColumns.Length == 1 ? ["x"] : xColumns.Select((_, i) => $"x{i + 1}").ToArray();
            foreach (var n in names)
                if (predictorNames.Contains(n)) throw new UserInputException($"--start: '{n}' is a predictor name, not a parameter.");
            var model2 = ParseModel(modelText, predictorNames, names);
            var x = new Matrix(matrix.Rows, xColumns.Length);
            var y = new double[matrix.Rows];
            for (int i = 0; i < matrix.Rows; i++)
            {
                for (int c = 0; c < xColumns.Length; c++) x[i, c] = matrix[i, xColumns[c]];
                y[i] = matrix[i, yColumn];
            }
            return new FitProblem(model2, predictorNames, x, y, names, values, null, 0);
        }

        private static Expression ParseModel(string text, IReadOnlyList<string> predictors, IReadOnlyList<string> parameters)
        {
            var model = Expression.Parse(text, [.. predictors, .. parameters]);
            var unused = parameters.Where(p => !model.DependsOn(p)).ToArray();
            if (unused.Length > 0) throw new UserInputException($"--start names {string.Join(", ", unused)}, which the model does not use.");
            return model;
        }

        private static bool IsNist(string path)
        {
            if (!Path.GetExtension(path).Equals(".dat", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return false;
            using var reader = new StreamReader(path);
            for (int i = 0; i < 5 && reader.ReadLine() is { } line; i++)
                if (line.Contains("NIST/ITL StRD", StringComparison.Ordinal)) return true;
            return false;
        }

        private static (Matrix Matrix, IReadOnlyList<string>? Header) ReadTable(string path, TextMatrixReadOptions text)
        {
            if (Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase)) return (MatrixFile.Read(path), null);
            if (Directory.Exists(path)) throw new DataFileException(path, "is a directory, expected a data file");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
            var extension = Path.GetExtension(path);
            var table = extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase) ? ParquetFile.ReadTable(path)
                : extension.Equals(".arrow", StringComparison.OrdinalIgnoreCase) || extension.Equals(".feather", StringComparison.OrdinalIgnoreCase) ? ArrowFile.ReadTable(path)
                : null;
            if (table is not null) return (table.Values, table.ColumnNames);
            var m = TextMatrixFile.Read(path, text, out var header);
            return (m, header);
        }

        private static int Column(string path, string option, string text, int columns, IReadOnlyList<string>? header)
        {
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number))
            {
                if (number < 1 || number > columns)
                    throw new UserInputException($"{option} {text}: {path} has {columns} column(s), numbered 1 to {columns}.");
                return number - 1;
            }
            int index = header is null ? -1 : header.ToList().IndexOf(text);
            if (index < 0)
                throw new UserInputException(header is null
                    ? $"{option} {text}: {path} has no header row; name columns by number (1 to {columns})."
                    : $"{option} {text}: no such column in {path} (columns: {string.Join(", ", header)}).");
            return index;
        }
    }
}
