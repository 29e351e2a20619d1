using System.CommandLine;
using MathForML.LinearAlgebra;
using Spectre.Console;
using static MathForML.Cli.Commands.CommonOptions;
using Complex = System.Numerics.Complex;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml linalg eig</c> and <c>mml linalg svd</c>. A symmetric matrix (or <c>--symmetric</c>) goes to
/// <see cref="SymmetricEigen"/>; any other square matrix to <see cref="EigenDecomposition"/>, whose complex pairs are
/// printed as <c>{re, im}</c> in JSON.
/// </summary>
internal static class SpectralCommands
{
    public static IEnumerable<Command> Build(Func<ParseResult, CliContext> context) => [Eig(context), SvdCommand(context)];

    private static Command Eig(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Square matrix file.");
        var symmetric = new Option<bool>("--symmetric") { Description = "Require a symmetric matrix and use the symmetric solver (detected automatically otherwise)." };
        var cmd = new Command("eig", "Eigenvalues (descending by magnitude) and eigenvectors as columns.") { a, symmetric };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var matrix = ReadMatrix(parse.GetValue(a)!, parse);
            if (parse.GetValue(symmetric) || matrix.IsSymmetric(1e-12))
                return Symmetric(ctx, matrix);
            var eig = EigenDecomposition.Decompose(matrix, ctx.Cancellation);
            if (eig.IsReal)
            {
                var values = eig.Eigenvalues.Select(v => v.Real).ToArray();
                var vectors = eig.RealEigenvectors();
                ctx.Emit(new { eigenvalues = values, eigenvectors = vectors, symmetric = false }, () => PrintReal(ctx, values, vectors));
                return ExitCodes.Success;
            }
            var complexValues = eig.Eigenvalues.Select(ToJson).ToArray();
            var complexVectors = Enumerable.Range(0, eig.Size)
                .Select(i => Enumerable.Range(0, eig.Size).Select(j => ToJson(eig.Eigenvector(j)[i])).ToArray()).ToArray();
            ctx.Emit(new { eigenvalues = complexValues, eigenvectors = complexVectors, symmetric = false }, () =>
            {
                var table = new Table().AddColumns("#", "eigenvalue");
                for (int j = 0; j < eig.Size; j++) table.AddRow(j.ToString(System.Globalization.CultureInfo.InvariantCulture), Format(eig.Eigenvalues[j]));
                ctx.Console.Write(table);
                ctx.Output.WriteLine("Eigenvectors: use --json for the complex eigenvectors.");
            });
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static int Symmetric(CliContext ctx, Matrix matrix)
    {
        var eig = SymmetricEigen.Decompose(matrix, cancellationToken: ctx.Cancellation);
        // DESIGN.md: eigenvalues descending by magnitude (the symmetric solver returns them descending by value).
        var order = Enumerable.Range(0, eig.Dimension).OrderByDescending(i => Math.Abs(eig.Eigenvalues[i])).ThenByDescending(i => eig.Eigenvalues[i]).ToArray();
        var values = order.Select(i => eig.Eigenvalues[i]).ToArray();
        var vectors = Matrix.FromColumns(order.Select(i => eig.Eigenvectors.Column(i)).ToArray());
        ctx.Emit(new { eigenvalues = values, eigenvectors = vectors, symmetric = true }, () => PrintReal(ctx, values, vectors));
        return ExitCodes.Success;
    }

    private static Command SvdCommand(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Matrix file (any shape).");
        var cmd = new Command("svd", "Thin singular value decomposition A = U·Σ·Vᵀ.") { a };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var svd = Svd.Decompose(ReadMatrix(parse.GetValue(a)!, parse), ctx.Cancellation);
            ctx.Emit(new { singular_values = svd.SingularValues, u = svd.U, vt = svd.VT, rank = svd.Rank() }, () =>
            {
                MatrixPrinter.Print(ctx.Output, "singular values", svd.SingularValues);
                ctx.Output.WriteLine($"rank: {svd.Rank()}");
                MatrixPrinter.Print(ctx.Output, "U", svd.U);
                MatrixPrinter.Print(ctx.Output, "Vᵀ", svd.VT);
            });
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static void PrintReal(CliContext ctx, double[] values, Matrix vectors)
    {
        MatrixPrinter.Print(ctx.Output, "eigenvalues", Vector.Of(values));
        MatrixPrinter.Print(ctx.Output, "eigenvectors (columns)", vectors);
    }

    private static object ToJson(Complex z) => new { re = z.Real, im = z.Imaginary };

    private static string Format(Complex z) =>
        z.Imaginary == 0 ? MatrixPrinter.Format(z.Real)
            : $"{MatrixPrinter.Format(z.Real)} {(z.Imaginary < 0 ? "−" : "+")} {MatrixPrinter.Format(Math.Abs(z.Imaginary))}i";
}
