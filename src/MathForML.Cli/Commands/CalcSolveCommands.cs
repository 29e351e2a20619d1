using System.CommandLine;
using MathForML.Calculus;
using MathForML.LinearAlgebra;
using MathForML.Optimization;
using static MathForML.Cli.Commands.CalcOptions;

namespace MathForML.Cli.Commands;

/// <summary><c>mml calc newton</c> (roots) and <c>mml calc minimize</c> (the sandpit's descent strategies); exit 1 when they do not converge.</summary>
internal static class CalcSolveCommands
{
    private static readonly (string Name, DescentStrategy Value)[] Strategies =
        [("gd", DescentStrategy.Gradient), ("newton", DescentStrategy.Newton), ("hybrid", DescentStrategy.Hybrid)];

    private static Option<int> MaxIter(int defaultValue) =>
        new("--max-iter") { Description = "Iteration limit.", DefaultValueFactory = _ => defaultValue };

    public static Command Newton(Func<ParseResult, CliContext> context)
    {
        var expr = new Argument<string>("EXPR") { Description = "f(x) = 0 to solve; several equations separated by ';' make a system in all their variables." };
        var start = new Option<string>("--start") { Description = "Start value x0, or name=value pairs (x=1,y=2) for a system.", Required = true };
        var tol = new Option<double>("--tol") { Description = "Stop when |f| is at most this.", DefaultValueFactory = _ => 1e-12 };
        var maxIter = MaxIter(100);
        var cmd = new Command("newton", "A root by Newton-Raphson: x ← x − f(x)/f′(x) (n-D: J·δ = −f), with the path.") { expr, start, tol, maxIter };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var equations = parse.GetValue(expr)!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => Parse(s)).ToArray();
            if (equations.Length == 0) throw new UserInputException("no equation given.");
            IReadOnlyList<string> names = equations.Aggregate((a, b) => new Sum(a, b)).VariablesAsWritten;
            if (names.Count == 0) names = ["x"];
            if (names.Count != equations.Length)
                throw new UserInputException($"{equations.Length} equation(s) in {names.Count} unknown(s) ({string.Join(", ", names)}): Newton needs as many equations as unknowns.");
            var settings = new NewtonOptions { Tolerance = parse.GetValue(tol), MaxIterations = parse.GetValue(maxIter) };
            var x0 = StartFor("--start", parse.GetValue(start)!, names);
            var f = equations.Select(e => e.Compile(names)).ToArray();
            var jacobian = Jacobian.Symbolic(equations, names);
            var j = new Func<double[], double>[names.Count, names.Count];
            for (int r = 0; r < names.Count; r++)
                for (int c = 0; c < names.Count; c++) j[r, c] = jacobian[r, c].Compile(names);
            var result = NewtonRaphson.FindRoot(x => f.Select(fi => fi(x)).ToArray(), x =>
            {
                var m = new Matrix(names.Count, names.Count);
                for (int r = 0; r < names.Count; r++)
                    for (int c = 0; c < names.Count; c++) m[r, c] = j[r, c](x);
                return m;
            }, x0, settings);
            object root = names.Count == 1 ? result.Root[0] : names.Zip(result.Root).ToDictionary(p => p.First, p => p.Second);
            object path = names.Count == 1 ? result.Path.Select(p => p[0]).ToArray() : result.Path;
            ctx.Emit(new
            {
                root,
                variables = names,
                residual = result.Residual,
                iterations = result.Iterations,
                converged = result.Converged,
                stop_reason = result.StopReason.ToString(),
                path,
            }, () =>
            {
                ctx.Output.WriteLine($"{(result.Converged ? "root" : "last iterate")}: {string.Join(", ", names.Zip(result.Root).Select(p => $"{p.First} = {Format(p.Second)}"))}");
                ctx.Output.WriteLine($"iterations: {result.Iterations} ({result.StopReason})");
            });
            if (!result.Converged) ctx.Warn($"Newton-Raphson did not converge: {Describe(result.StopReason)}.");
            return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
        }, ("start", "--start"), ("Tolerance", "--tol"), ("MaxIterations", "--max-iter"));
        return cmd;
    }

    private static string Describe(NewtonStopReason reason) => reason switch
    {
        NewtonStopReason.ZeroDerivative => "the derivative is zero (the Jacobian is singular) at the last iterate",
        NewtonStopReason.Diverged => "the iterates diverged",
        NewtonStopReason.MaxIterations => "the iteration limit was reached",
        _ => "the steps stalled before |f| reached the tolerance",
    };

    public static Command Minimize(Func<ParseResult, CliContext> context)
    {
        var expr = CalcOptions.ExpressionArgument();
        var start = new Option<string>("--start") { Description = "Start point: name=value pairs (x=1,y=2), or values in the order the variables are first written.", Required = true };
        var method = CommonOptions.EnumOption("--method", "gd (−γJ), newton (−H⁻¹J) or hybrid (Newton unless uphill or longer than 2).", DescentStrategy.Hybrid, Strategies);
        var step = new Option<double>("--step") { Description = "γ of the gradient step.", DefaultValueFactory = _ => 0.1 };
        var maxIter = MaxIter(1000);
        var cmd = new Command("minimize", "A local minimum by the course's sandpit strategies, with the path.") { expr, start, method, step, maxIter };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var f = Parse(parse.GetValue(expr)!);
            var names = f.VariablesAsWritten;
            if (names.Count == 0) throw new UserInputException("the formula has no variables to minimise over.");
            var settings = new GradientDescentOptions { Strategy = parse.GetValue(method), StepSize = parse.GetValue(step), MaxSteps = parse.GetValue(maxIter) };
            var x0 = StartFor("--start", parse.GetValue(start)!, names);
            var result = GradientDescent.Minimize(f, names, x0, settings);
            ctx.Emit(new
            {
                minimum = names.Zip(result.Minimum).ToDictionary(p => p.First, p => p.Second),
                value = result.Value,
                iterations = result.Steps,
                newton_steps = result.NewtonSteps,
                converged = result.Converged,
                stop_reason = result.StopReason.ToString(),
                method = CommonOptions.NameOf(Strategies, settings.Strategy),
                variables = names,
                path = result.Path,
            }, () =>
            {
                ctx.Output.WriteLine($"{(result.Converged ? "minimum" : "last point")}: {string.Join(", ", names.Zip(result.Minimum).Select(p => $"{p.First} = {Format(p.Second)}"))}");
                ctx.Output.WriteLine($"f = {Format(result.Value)} after {result.Steps} steps ({result.NewtonSteps} Newton), {result.StopReason}");
            });
            if (!result.Converged) ctx.Warn($"the descent did not converge ({result.StopReason}).");
            return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
        }, ("start", "--start"), ("StepSize", "--step"), ("MaxSteps", "--max-iter"));
        return cmd;
    }
}
