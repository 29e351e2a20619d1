using System.CommandLine;
using MathForML.Calculus;
using static MathForML.Cli.Commands.CalcOptions;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml calc diff|grad|hessian|taylor</c>: symbolic calculus on a formula (the results are formulas, printed as text);
/// <c>newton</c> and <c>minimize</c> live in <see cref="CalcSolveCommands"/>, <c>secant</c> in <see cref="CalcSecantCommand"/>,
/// <c>lagrange</c> in <see cref="CalcLagrangeCommand"/>, <c>sandpit</c> in <see cref="CalcSandpitCommand"/>.
/// </summary>
internal static class CalcCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var calc = new Command("calc", "Multivariate calculus on formulas: derivatives, gradient, Hessian, Taylor series, Newton-Raphson, secant, minimisation, Lagrange multipliers; the gradient-descent sandpit.");
        calc.Subcommands.Add(Diff(context));
        calc.Subcommands.Add(Grad(context));
        calc.Subcommands.Add(HessianCommand(context));
        calc.Subcommands.Add(Taylor(context));
        calc.Subcommands.Add(CalcSolveCommands.Newton(context));
        calc.Subcommands.Add(CalcSolveCommands.Minimize(context));
        calc.Subcommands.Add(CalcSecantCommand.Build(context));
        calc.Subcommands.Add(CalcLagrangeCommand.Build(context));
        calc.Subcommands.Add(CalcSandpitCommand.Build(context));
        return calc;
    }

    private static Option<string?> VarsOption() =>
        new("--vars") { Description = "Comma-separated variables, in order (default: all of the formula's, in the order first written)." };

    private static IReadOnlyList<string> VariablesOf(Expression e, string? vars)
    {
        if (string.IsNullOrWhiteSpace(vars))
        {
            var all = e.VariablesAsWritten;
            if (all.Count == 0) throw new UserInputException("the formula has no variables; give them with --vars.");
            return all;
        }
        return vars.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static Command Diff(Func<ParseResult, CliContext> context)
    {
        var expr = ExpressionArgument();
        var wrt = new Option<string>("--wrt") { Description = "The variable to differentiate with respect to.", Required = true };
        var order = new Option<int>("--order") { Description = "Order of the derivative.", DefaultValueFactory = _ => 1 };
        var cmd = new Command("diff", "The k-th derivative ∂ᵏf/∂xᵏ, symbolic and simplified.") { expr, wrt, order };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            int k = parse.GetValue(order);
            if (k < 0 || k > 50) throw new UserInputException($"--order must be between 0 and 50, got {k}.");
            var f = Parse(parse.GetValue(expr)!);
            string v = parse.GetValue(wrt)!;
            var d = f.Differentiate(v, k);
            ctx.Emit(new { expression = f.ToString(), wrt = v, order = k, derivative = d.ToString() }, () => ctx.Output.WriteLine(d.ToString()));
            return ExitCodes.Success;
        }, ("order", "--order"));
        return cmd;
    }

    private static Command Grad(Func<ParseResult, CliContext> context)
    {
        var expr = ExpressionArgument();
        var vars = VarsOption();
        var cmd = new Command("grad", "The gradient (∂f/∂x₁, …, ∂f/∂xₙ), symbolic.") { expr, vars };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var f = Parse(parse.GetValue(expr)!);
            var names = VariablesOf(f, parse.GetValue(vars));
            var g = f.Gradient(names).Select(e => e.ToString()).ToArray();
            ctx.Emit(new { expression = f.ToString(), variables = names, gradient = g }, () =>
            {
                for (int i = 0; i < g.Length; i++) ctx.Output.WriteLine($"∂f/∂{names[i]} = {g[i]}");
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command HessianCommand(Func<ParseResult, CliContext> context)
    {
        var expr = ExpressionArgument();
        var vars = VarsOption();
        var cmd = new Command("hessian", "The Hessian Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ, symbolic (rows in variable order).") { expr, vars };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var f = Parse(parse.GetValue(expr)!);
            var names = VariablesOf(f, parse.GetValue(vars));
            var h = f.Hessian(names);
            var rows = Enumerable.Range(0, names.Count).Select(i => Enumerable.Range(0, names.Count).Select(j => h[i, j].ToString()).ToArray()).ToArray();
            ctx.Emit(new { expression = f.ToString(), variables = names, hessian = rows }, () =>
            {
                for (int i = 0; i < names.Count; i++)
                    for (int j = 0; j < names.Count; j++) ctx.Output.WriteLine($"∂²f/∂{names[i]}∂{names[j]} = {rows[i][j]}");
            });
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Taylor(Func<ParseResult, CliContext> context)
    {
        var expr = ExpressionArgument();
        var at = new Option<double>("--at") { Description = "The point a of the expansion.", DefaultValueFactory = _ => 0 };
        var order = new Option<int>("--order") { Description = "The highest power kept.", DefaultValueFactory = _ => 4 };
        var wrt = new Option<string?>("--wrt") { Description = "The variable (default: the formula's only variable)." };
        var cmd = new Command("taylor", "The Taylor polynomial Σ f⁽ᵏ⁾(a)/k!·(x − a)ᵏ up to the given order.") { expr, at, order, wrt };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var f = Parse(parse.GetValue(expr)!);
            int k = parse.GetValue(order);
            if (k < 0 || k > 30) throw new UserInputException($"--order must be between 0 and 30, got {k}.");
            double a = parse.GetValue(at);
            if (!double.IsFinite(a)) throw new UserInputException($"--at must be finite, got {a}.");
            string? v = parse.GetValue(wrt);
            if (v is null)
            {
                var all = f.VariablesAsWritten;
                if (all.Count > 1) throw new UserInputException($"the formula has several variables ({string.Join(", ", all)}); choose one with --wrt.");
                v = all.Count == 1 ? all[0] : "x";
            }
            var series = TaylorSeries.Expand(f, v, a, k);
            ctx.Emit(new { expression = f.ToString(), wrt = v, at = a, order = k, series = series.ToString(), coefficients = series.Coefficients }, () =>
                ctx.Output.WriteLine(series.ToString()));
            return ExitCodes.Success;
        }, ("point", "--at"), ("order", "--order"));
        return cmd;
    }
}
