using System.CommandLine;
using MathForML.Calculus;
using static MathForML.Cli.Commands.CalcOptions;

namespace MathForML.Cli.Commands;

/// <summary><c>mml calc secant EXPR --x0 v [--x1 v]</c>: a root by the secant method (SciPy's <c>newton</c> without a derivative); exit 1 when it does not converge.</summary>
internal static class CalcSecantCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var expr = ExpressionArgument();
        var x0 = new Option<double>("--x0") { Description = "The first starting point.", Required = true };
        var x1 = new Option<double?>("--x1") { Description = "The second starting point (default: SciPy's x0·(1 + 1e-4) ± 1e-4)." };
        var tol = new Option<double>("--tol") { Description = "Stop when a step is at most this.", DefaultValueFactory = _ => Secant.DefaultTolerance };
        var maxIter = new Option<int>("--max-iter") { Description = "Iteration limit.", DefaultValueFactory = _ => Secant.DefaultMaxIterations };
        var cmd = new Command("secant", "A root of f(x) = 0 by the secant method: x ← x − f(x)·(x − x_prev)/(f(x) − f(x_prev)), no derivative needed.") { expr, x0, x1, tol, maxIter };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var f = Parse(parse.GetValue(expr)!);
            var names = f.VariablesAsWritten;
            if (names.Count > 1) throw new UserInputException($"the secant method needs a formula in one variable, this one has {names.Count} ({string.Join(", ", names)}).");
            string v = names.Count == 1 ? names[0] : "x";
            var fc = f.Compile([v]);
            double start = parse.GetValue(x0);
            double second = parse.GetValue(x1) ?? Secant.DefaultSecondPoint(start);
            var result = Secant.Solve(x => fc([x]), start, second, parse.GetValue(tol), parse.GetValue(maxIter));
            ctx.Emit(new
            {
                root = result.Root,
                variable = v,
                residual = result.Residual,
                iterations = result.Iterations,
                function_calls = result.FunctionCalls,
                converged = result.Converged,
                stop_reason = result.StopReason.ToString(),
                path = result.Path,
            }, () =>
            {
                ctx.Output.WriteLine($"{(result.Converged ? "root" : "last iterate")}: {v} = {result.Root:R}");
                ctx.Output.WriteLine($"f = {Format(result.Residual)}, {result.Iterations} iterations, {result.FunctionCalls} calls of f ({result.StopReason})");
            });
            if (!result.Converged) ctx.Warn($"the secant method did not converge ({result.StopReason}).");
            return result.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
        }, ("x0", "--x0"), ("x1", "--x1"), ("tolerance", "--tol"), ("maxIterations", "--max-iter"));
        return cmd;
    }
}
