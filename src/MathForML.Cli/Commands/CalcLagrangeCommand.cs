using System.CommandLine;
using MathForML.Calculus;
using static MathForML.Cli.Commands.CalcOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml calc lagrange EXPR --constraint "g = c" --start x=…,y=… [--lambda v]</c>: a stationary point of f on the
/// constraint by Lagrange multipliers (∇L = 0 for L = f − λg, solved by Newton); exit 1 when Newton does not converge.
/// </summary>
internal static class CalcLagrangeCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var expr = ExpressionArgument();
        var constraint = new Option<string>("--constraint") { Description = "The constraint: g (meaning g = 0) or lhs = rhs, e.g. \"x^2 + y^2 = 1\".", Required = true };
        var start = new Option<string>("--start") { Description = "Start point: name=value pairs (x=1,y=2), or values in the order the variables are first written (f's, then the constraint's).", Required = true };
        var lambda = new Option<double?>("--lambda") { Description = "Start value of the multiplier λ (default: the least-squares λ at the start)." };
        var tol = new Option<double>("--tol") { Description = "Stop when |∇L| is at most this.", DefaultValueFactory = _ => 1e-12 };
        var maxIter = new Option<int>("--max-iter") { Description = "Iteration limit.", DefaultValueFactory = _ => 100 };
        var cmd = new Command("lagrange", "A stationary point of f subject to g = 0: ∇f = λ∇g and g = 0, by Newton on ∇L = 0 with L = f − λg.") { expr, constraint, start, lambda, tol, maxIter };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var f = Parse(parse.GetValue(expr)!);
            var g = Lagrange.ParseConstraint(parse.GetValue(constraint)!);
            var names = f.VariablesAsWritten.Union(g.VariablesAsWritten).ToArray();
            var x0 = StartFor("--start", parse.GetValue(start)!, names);
            var settings = new NewtonOptions { Tolerance = parse.GetValue(tol), MaxIterations = parse.GetValue(maxIter) };
            var r = Lagrange.Solve(f, g, names, x0, parse.GetValue(lambda), settings);
            ctx.Emit(new
            {
                point = names.Zip(r.Point).ToDictionary(p => p.First, p => p.Second),
                lambda = r.Lambda,
                objective = r.Objective,
                constraint = r.Constraint,
                variables = names,
                lagrangian = r.Lagrangian.Simplify().ToString(),
                gradient = r.Gradient.Select(e => e.ToString()).ToArray(),
                iterations = r.Iterations,
                converged = r.Converged,
                stop_reason = r.StopReason.ToString(),
            }, () =>
            {
                ctx.Output.WriteLine($"L = {r.Lagrangian.Simplify()}");
                ctx.Output.WriteLine($"{(r.Converged ? "stationary point" : "last iterate")}: {string.Join(", ", names.Zip(r.Point).Select(p => $"{p.First} = {Format(p.Second)}"))}, λ = {Format(r.Lambda)}");
                ctx.Output.WriteLine($"f = {Format(r.Objective)}, g = {Format(r.Constraint)} after {r.Iterations} Newton steps ({r.StopReason})");
            });
            if (!r.Converged) ctx.Warn($"Newton on ∇L = 0 did not converge ({r.StopReason}).");
            return r.Converged ? ExitCodes.Success : ExitCodes.NotConverged;
        }, ("constraint", "--constraint"), ("start", "--start"), ("lambda", "--lambda"), ("g", "--constraint"), ("Tolerance", "--tol"), ("MaxIterations", "--max-iter"));
        return cmd;
    }
}
