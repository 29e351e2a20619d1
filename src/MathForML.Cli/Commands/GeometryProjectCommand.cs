using System.CommandLine;
using MathForML.Geometry;
using MathForML.LinearAlgebra;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml geometry project (--vector v | --data FILE) (--onto-line b | --basis B) [--matrix] [--out FILE]</c>: orthogonal
/// projection (<see cref="Projection"/>), the PCA course's week 3. Onto the line spanned by b, P = bbᵀ/(bᵀb)
/// (<c>projection_matrix_1d</c>, <c>project_1d</c>); onto the column space of B (D×M, independent columns),
/// P = B(BᵀB)⁻¹Bᵀ (<c>projection_matrix_general</c>, <c>project_general</c>). Each point x becomes π(x) = Px; the
/// reconstruction error is ‖x − π(x)‖ for each point and, for a data set, the mean squared error (1/N)·Σₙ ‖xₙ − π(xₙ)‖²
/// (the course's week-4 <c>mse</c>).
/// </summary>
internal static class GeometryProjectCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var vector = new Option<string?>("--vector") { Description = "The point to project, comma-separated: 1,2 (write --vector=-1,2 for a leading minus)." };
        var data = new Option<string?>("--data") { Description = "Project every row of this data file (N×D, rows are samples)." };
        var line = new Option<string?>("--onto-line") { Description = "Project onto the line spanned by this vector b (D elements): P = bbᵀ/(bᵀb)." };
        var basis = new Option<string?>("--basis") { Description = "Project onto the column space of B (D×M, independent columns): written out (\"1,0;0,1;0,0\", rows separated by ';') or a matrix file; P = B(BᵀB)⁻¹Bᵀ." };
        var matrix = new Option<bool>("--matrix") { Description = "Also print the D×D projection matrix P." };
        var output = CommonOptions.OutOption("Write the projected points (N×D, or 1×D for --vector) to this file; - prints CSV.");
        var cmd = new Command("project", "Orthogonal projection of a vector or of every row of a data set onto a line or the column space of a basis, with the reconstruction error.")
        {
            vector, data, line, basis, matrix, output,
        };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            string? vectorText = parse.GetValue(vector), dataPath = parse.GetValue(data), lineText = parse.GetValue(line), basisText = parse.GetValue(basis);
            if ((vectorText is null) == (dataPath is null)) throw new UserInputException("give exactly one of --vector v or --data FILE: the points to project.");
            if ((lineText is null) == (basisText is null)) throw new UserInputException("give exactly one of --onto-line b or --basis B: where to project.");
            string? target = parse.GetValue(output);
            CommonOptions.CheckMatrixOutputFiles(target);

            var points = vectorText is not null ? Row(InlineValues.Vector("--vector", vectorText)) : CommonOptions.ReadSamples(dataPath!, parse);
            string pointsName = vectorText is not null ? "--vector" : dataPath!;
            var (b, flag) = lineText is not null
                ? (Column(InlineValues.Vector("--onto-line", lineText)), "--onto-line")
                : (InlineValues.MatrixOrFile("--basis", basisText!, parse), "--basis");
            if (b.Rows != points.Columns)
                throw new UserInputException($"{flag} spans a subspace of ℝ^{b.Rows} ({b.Rows}×{b.Columns}) but the points of {pointsName} have {points.Columns} elements.");

            var (p, projected) = Project(points, b, flag, lineText is not null);
            var errors = new double[points.Rows];
            double mse = 0;
            for (int i = 0; i < points.Rows; i++)
            {
                errors[i] = (points.Row(i) - projected.Row(i)).Norm();
                mse += errors[i] * errors[i] / points.Rows;
            }

            CommonOptions.WriteIfRequested(target, projected);
            bool single = vectorText is not null;
            ctx.Emit(new
            {
                d = points.Columns,
                n = single ? (int?)null : points.Rows,
                dimension = b.Columns,
                matrix = parse.GetValue(matrix) ? p : null,
                projection = single ? projected.Row(0) : null,
                reconstruction_error = single ? errors[0] : (double?)null,
                projected = single ? null : projected,
                reconstruction_errors = single ? null : errors,
                reconstruction_mse = single ? (double?)null : mse,
            }, () =>
            {
                if (target == "-") return;
                string onto = lineText is not null ? "the line spanned by b" : $"the {b.Columns}-dimensional column space of B";
                ctx.Output.WriteLine($"Orthogonal projection onto {onto} in ℝ^{points.Columns}:");
                if (parse.GetValue(matrix)) MatrixPrinter.Print(ctx.Output, "Projection matrix P", p);
                if (single)
                {
                    MatrixPrinter.Print(ctx.Output, "π(x)", projected.Row(0));
                    ctx.Output.WriteLine($"reconstruction error ‖x − π(x)‖ = {errors[0]:R}");
                }
                else
                {
                    MatrixPrinter.Print(ctx.Output, "Projected points", projected);
                    MatrixPrinter.Print(ctx.Output, "‖xₙ − π(xₙ)‖", new Vector(errors));
                    ctx.Output.WriteLine($"mean squared reconstruction error (1/N)·Σ‖xₙ − π(xₙ)‖² = {mse:R}");
                }

                if (target is not null) ctx.Output.WriteLine($"wrote {target}");
            });
            return ExitCodes.Success;
        }, ("x", "--data"));
        return cmd;
    }

    private static Matrix Column(Vector b) => new(b.Length, 1, b.AsSpan());

    private static Matrix Row(Vector x) => new(1, x.Length, x.AsSpan());

    /// <summary>P and the rows of <paramref name="points"/> projected, X·P (P is symmetric); the library's argument errors named by <paramref name="flag"/>.</summary>
    private static (Matrix P, Matrix Projected) Project(Matrix points, Matrix b, string flag, bool line)
    {
        try
        {
            var p = line ? Projection.OntoLineMatrix(b.Column(0)) : Projection.OntoSubspaceMatrix(b);
            return (p, Projection.RowsOntoSubspace(points, b));
        }
        catch (ArgumentException e) when (e.ParamName == "b")
        {
            throw new UserInputException($"{flag}: {CommandAction.WithoutParameterSuffix(e.Message)}", e);
        }
        catch (SingularMatrixException e)
        {
            throw new UserInputException($"{flag}: {e.Message}", e);
        }
    }
}
