using System.CommandLine;
using MathForML.LinearAlgebra;
using static MathForML.Cli.Commands.CommonOptions;

namespace MathForML.Cli.Commands;

/// <summary><c>mml linalg …</c>: the Linear Algebra course's operations on matrix files.</summary>
internal static class LinalgCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var linalg = new Command("linalg", "Linear algebra on matrix files (.csv/.txt, .npy, .npz, .arrow/.feather or .parquet): echelon form, rank, determinant, inverse, solve, Gram-Schmidt, eigenproblems, SVD, reflections.");
        linalg.Subcommands.Add(Rref(context));
        linalg.Subcommands.Add(Rank(context));
        linalg.Subcommands.Add(Determinant(context));
        linalg.Subcommands.Add(Inverse(context));
        linalg.Subcommands.Add(Solve(context));
        linalg.Subcommands.Add(Singular(context));
        linalg.Subcommands.Add(GramSchmidtCommand(context));
        linalg.Subcommands.Add(Reflect(context));
        foreach (var c in SpectralCommands.Build(context)) linalg.Subcommands.Add(c);
        foreach (var c in linalg.Subcommands) AddFileReading(c);
        return linalg;
    }

    private static Command Rref(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Matrix file.");
        var tol = new Option<double?>("--tol") { Description = "Entries at most this size count as zero (default max(m,n)·ε·‖A‖∞)." };
        var output = OutOption("Write the reduced row echelon form to this file.");
        var cmd = new Command("rref", "Reduced row echelon form (Gauss-Jordan with partial pivoting), rank and pivot columns.") { a, tol, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var r = RowEchelon.Reduce(ReadMatrix(parse.GetValue(a)!, parse), parse.GetValue(tol));
            WriteIfRequested(parse.GetValue(output), r.Reduced);
            ctx.Emit(new { rref = r.Reduced, rank = r.Rank, pivots = r.PivotColumns }, () =>
            {
                MatrixPrinter.Print(ctx.Output, "Reduced row echelon form", r.Reduced);
                ctx.Output.WriteLine($"rank: {r.Rank}");
                ctx.Output.WriteLine($"pivot columns: [{string.Join(", ", r.PivotColumns)}]");
            });
            return ExitCodes.Success;
        }, ("a", "A"), ("tolerance", "--tol"));
        return cmd;
    }

    private static Command Rank(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Matrix file.");
        var cmd = new Command("rank", "Rank: the number of pivots in the row echelon form.") { a };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            int rank = RowEchelon.Rank(ReadMatrix(parse.GetValue(a)!, parse));
            ctx.Emit(new { rank }, () => ctx.Output.WriteLine($"rank: {rank}"));
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static Command Determinant(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Square matrix file.");
        var cmd = new Command("det", "Determinant, from the LU decomposition with partial pivoting.") { a };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var lu = LuDecomposition.Decompose(ReadMatrix(parse.GetValue(a)!, parse));
            double det = lu.Determinant;
            ctx.Emit(new { determinant = det, singular = lu.IsSingular }, () => ctx.Output.WriteLine($"determinant: {MatrixPrinter.Format(det)}"));
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static Command Inverse(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Square matrix file.");
        var output = OutOption("Write the inverse to this file.");
        var cmd = new Command("inverse", "Inverse A⁻¹ by LU with partial pivoting; exit 2 when A is singular.") { a, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var lu = LuDecomposition.Decompose(ReadMatrix(parse.GetValue(a)!, parse));
            var inverse = lu.Inverse();
            WarnIfIllConditioned(ctx, lu);
            WriteIfRequested(parse.GetValue(output), inverse);
            ctx.Emit(new { inverse, condition_number = lu.ConditionNumber }, () => MatrixPrinter.Print(ctx.Output, "Inverse", inverse));
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static Command Solve(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Square matrix file (n×n).");
        var b = MatrixArgument("b", "Right-hand side: n values (one column, or one row), or an n×k matrix.");
        var output = OutOption("Write the solution to this file.");
        var cmd = new Command("solve", "Solve Ax = b by LU with partial pivoting; warns when A is nearly singular.") { a, b, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var matrix = ReadMatrix(parse.GetValue(a)!, parse);
            var rhs = ReadMatrix(parse.GetValue(b)!, parse);
            if (rhs.Rows == 1 && rhs.Columns == matrix.Rows && matrix.Rows != 1) rhs = rhs.Transpose();
            var lu = LuDecomposition.Decompose(matrix);
            var x = lu.Solve(rhs);
            WarnIfIllConditioned(ctx, lu);
            WriteIfRequested(parse.GetValue(output), x);
            object xJson = x.Columns == 1 ? x.Column(0) : x;
            ctx.Emit(new { x = xJson, condition_number = lu.ConditionNumber }, () =>
            {
                if (x.Columns == 1) MatrixPrinter.Print(ctx.Output, "x", x.Column(0));
                else MatrixPrinter.Print(ctx.Output, "X", x);
            });
            return ExitCodes.Success;
        }, ("a", "A"), ("b", "b"));
        return cmd;
    }

    private static Command Singular(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Square matrix file.");
        var cmd = new Command("singular", "The course's singularity test: row echelon form with unit diagonal, no pivoting.") { a };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            bool singular = !SingularityTest.TryRowEchelon(ReadMatrix(parse.GetValue(a)!, parse), out var echelon);
            ctx.Emit(new { singular, echelon = singular ? null : echelon }, () =>
            {
                ctx.Output.WriteLine(singular ? "singular: yes" : "singular: no");
                if (!singular) MatrixPrinter.Print(ctx.Output, "Row echelon form", echelon);
            });
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static Command GramSchmidtCommand(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Matrix file whose columns are the vectors.");
        var tol = new Option<double>("--tol") { Description = "Columns with remaining norm at most this become zero.", DefaultValueFactory = _ => GramSchmidt.DefaultTolerance };
        var output = OutOption("Write the basis to this file.");
        var cmd = new Command("gram-schmidt", "Orthonormal basis of A's columns, the course's way (dependent columns become zero).") { a, tol, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var r = GramSchmidt.Orthonormalize(ReadMatrix(parse.GetValue(a)!, parse), parse.GetValue(tol));
            WriteIfRequested(parse.GetValue(output), r.Basis);
            ctx.Emit(new { basis = r.Basis, dimension = r.Dimension }, () =>
            {
                MatrixPrinter.Print(ctx.Output, "Orthonormal basis (columns)", r.Basis);
                ctx.Output.WriteLine($"dimension: {r.Dimension}");
            });
            return ExitCodes.Success;
        }, ("a", "A"), ("tolerance", "--tol"));
        return cmd;
    }

    private static Command Reflect(Func<ParseResult, CliContext> context)
    {
        var mirror = new Option<string>("--mirror") { Description = "n×n mirror basis: the first n−1 columns span the mirror.", Required = true };
        var points = new Option<string>("--points") { Description = "Points to reflect, one per column (n×k).", Required = true };
        var output = OutOption("Write the reflected points to this file.");
        var cmd = new Command("reflect", "Reflect points through a mirror: T = E·diag(1,…,1,−1)·Eᵀ with E = GramSchmidt(mirror basis).") { mirror, points, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var t = Transformations.Reflection(ReadMatrix(parse.GetValue(mirror)!, parse));
            var reflected = Transformations.Apply(t, ReadMatrix(parse.GetValue(points)!, parse));
            WriteIfRequested(parse.GetValue(output), reflected);
            ctx.Emit(new { matrix = t, points = reflected }, () =>
            {
                MatrixPrinter.Print(ctx.Output, "Reflection matrix T", t);
                MatrixPrinter.Print(ctx.Output, "Reflected points", reflected);
            });
            return ExitCodes.Success;
        }, ("mirrorBasis", "--mirror"), ("points", "--points"));
        return cmd;
    }

    private static void WarnIfIllConditioned(CliContext ctx, LuDecomposition lu)
    {
        if (lu.ConditionNumber > 1e12)
            ctx.Warn($"the matrix is ill-conditioned (condition number ≈ {lu.ConditionNumber:G3}); the result may have lost up to {Math.Log10(lu.ConditionNumber):F0} of its ~16 significant digits.");
    }
}
