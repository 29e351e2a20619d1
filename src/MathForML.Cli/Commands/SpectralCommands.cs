using System.CommandLine;
using System.Diagnostics;
using MathForML.Data;
using MathForML.LinearAlgebra;
using Spectre.Console;
using static MathForML.Cli.Commands.CommonOptions;
using Complex = System.Numerics.Complex;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml linalg eig</c> and <c>mml linalg svd</c>. A symmetric matrix (or <c>--symmetric</c>) goes to
/// <see cref="SymmetricEigen"/>; any other square matrix to <see cref="EigenDecomposition"/>, whose complex pairs are
/// printed as <c>{re, im}</c> in JSON. <c>--values-only</c> skips the vectors (<see cref="SymmetricEigen.Values"/>,
/// <see cref="Svd.Values(MathForML.LinearAlgebra.Matrix, System.Threading.CancellationToken)"/>); <c>--out</c> (eig) and <c>--out-u</c>/<c>--out-vt</c> (svd) write the vectors to matrix
/// files instead of the report, which then keeps the values and the time.
/// </summary>
internal static class SpectralCommands
{
    public static IEnumerable<Command> Build(Func<ParseResult, CliContext> context) => [Eig(context), SvdCommand(context)];

    private static Option<bool> ValuesOnlyOption(string what) => new("--values-only") { Description = $"Compute the {what} only (faster): no vectors." };

    private static Option<string?> VectorFileOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() == "-") result.AddError($"{name} takes a file name (.npy, .npz, .csv, .arrow, .parquet).");
        });
        return option;
    }

    private static Command Eig(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Square matrix file.");
        var symmetric = new Option<bool>("--symmetric") { Description = "Require a symmetric matrix and use the symmetric solver (detected automatically otherwise)." };
        var valuesOnly = ValuesOnlyOption("eigenvalues");
        var output = VectorFileOption("--out", "Write the eigenvectors (as columns) to this matrix file; the report keeps the eigenvalues.");
        var cmd = new Command("eig", "Eigenvalues (descending by magnitude) and eigenvectors as columns.") { a, symmetric, valuesOnly, output };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var target = parse.GetValue(output);
            bool onlyValues = parse.GetValue(valuesOnly);
            if (onlyValues && target is not null) throw new UserInputException("--values-only computes no eigenvectors for --out to write; give one of them.");
            CheckOutputFiles(target);
            if (target is not null) MatrixFile.FormatOf(target);
            var matrix = ReadMatrix(parse.GetValue(a)!, parse);
            var watch = Stopwatch.StartNew();
            if (parse.GetValue(symmetric) || matrix.IsSymmetric(1e-12))
                return Symmetric(ctx, matrix, onlyValues, target, watch);
            var eig = EigenDecomposition.Decompose(matrix, ctx.Cancellation);
            double seconds = watch.Elapsed.TotalSeconds;
            if (eig.IsReal)
            {
                var values = eig.Eigenvalues.Select(v => v.Real).ToArray();
                var vectors = onlyValues ? null : eig.RealEigenvectors();
                EmitReal(ctx, values, vectors, target, symmetric: false, seconds);
                return ExitCodes.Success;
            }
            if (target is not null) throw new UserInputException($"the eigenvalues of {parse.GetValue(a)} are complex, and a matrix file holds real numbers: leave out --out and use --json for the complex eigenvectors.");
            var complexValues = eig.Eigenvalues.Select(ToJson).ToArray();
            var complexVectors = onlyValues ? null : Enumerable.Range(0, eig.Size)
                .Select(i => Enumerable.Range(0, eig.Size).Select(j => ToJson(eig.Eigenvector(j)[i])).ToArray()).ToArray();
            ctx.Emit(new { eigenvalues = complexValues, eigenvectors = complexVectors, symmetric = false, seconds }, () =>
            {
                var table = new Table().AddColumns("#", "eigenvalue");
                for (int j = 0; j < eig.Size; j++) table.AddRow(j.ToString(System.Globalization.CultureInfo.InvariantCulture), Format(eig.Eigenvalues[j]));
                ctx.Console.Write(table);
                if (!onlyValues) ctx.Output.WriteLine("Eigenvectors: use --json for the complex eigenvectors.");
            });
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static int Symmetric(CliContext ctx, Matrix matrix, bool onlyValues, string? target, Stopwatch watch)
    {
        if (onlyValues)
        {
            // The matrix read from the file is not needed afterwards: reduce it where it is (no second n×n array).
            var all = SymmetricEigen.Values(matrix, new SymmetricEigenOptions { OverwriteInput = true }, ctx.Cancellation);
            double valueSeconds = watch.Elapsed.TotalSeconds;
            EmitReal(ctx, ByMagnitude(all.AsSpan().ToArray(), out _), null, null, symmetric: true, valueSeconds);
            return ExitCodes.Success;
        }
        var eig = SymmetricEigen.Decompose(matrix, cancellationToken: ctx.Cancellation);
        double seconds = watch.Elapsed.TotalSeconds;
        var values = ByMagnitude(eig.Eigenvalues.AsSpan().ToArray(), out var order);
        var vectors = Matrix.FromColumns(order.Select(i => eig.Eigenvectors.Column(i)).ToArray());
        EmitReal(ctx, values, vectors, target, symmetric: true, seconds);
        return ExitCodes.Success;
    }

    /// <summary>
    /// DESIGN.md: eigenvalues descending by magnitude, equal magnitudes the larger value first, from
    /// <paramref name="values"/> descending by value (as the symmetric solver gives them); <paramref name="order"/>[k] is
    /// the index in <paramref name="values"/> of the k-th. In a list sorted by value the largest magnitude is at one end,
    /// so the two ends are merged inward (O(n), and no generic sort for the JIT to compile at the end of a run).
    /// </summary>
    internal static double[] ByMagnitude(double[] values, out int[] order)
    {
        int n = values.Length;
        order = new int[n];
        var result = new double[n];
        int front = 0, back = n - 1, k = 0;
        while (k < n)
        {
            double top = values[front], bottom = values[back];
            if (Math.Abs(top) > Math.Abs(bottom) || (Math.Abs(top) == Math.Abs(bottom) && top >= bottom))
            {
                order[k] = front;
                result[k++] = values[front++];
                continue;
            }

            // A run of equal values at the back goes out in index order, as a stable sort would give it.
            int start = back;
            while (start > front && values[start - 1] == bottom) start--;
            for (int i = start; i <= back; i++)
            {
                order[k] = i;
                result[k++] = values[i];
            }

            back = start - 1;
        }

        return result;
    }

    private static void EmitReal(CliContext ctx, double[] values, Matrix? vectors, string? target, bool symmetric, double seconds)
    {
        if (target is not null && vectors is not null) MatrixFile.Write(target, vectors);
        var reported = target is null ? vectors : null;
        ctx.Emit(new { eigenvalues = values, eigenvectors = reported, eigenvectors_file = target, symmetric, seconds }, () =>
        {
            MatrixPrinter.Print(ctx.Output, "eigenvalues", Vector.Of(values));
            if (reported is not null) MatrixPrinter.Print(ctx.Output, "eigenvectors (columns)", reported);
            if (target is not null) ctx.Output.WriteLine($"eigenvectors (columns) written to {target}");
        });
    }

    private static Command SvdCommand(Func<ParseResult, CliContext> context)
    {
        var a = MatrixArgument("A", "Matrix file (any shape).");
        var valuesOnly = ValuesOnlyOption("singular values");
        var outU = VectorFileOption("--out-u", "Write U (m×k, the left singular vectors as columns) to this matrix file.");
        var outVt = VectorFileOption("--out-vt", "Write Vᵀ (k×n, the right singular vectors as rows) to this matrix file.");
        var cmd = new Command("svd", "Thin singular value decomposition A = U·Σ·Vᵀ.") { a, valuesOnly, outU, outVt };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            string? uPath = parse.GetValue(outU), vtPath = parse.GetValue(outVt);
            bool onlyValues = parse.GetValue(valuesOnly);
            if (onlyValues && (uPath ?? vtPath) is not null) throw new UserInputException("--values-only computes no singular vectors for --out-u/--out-vt to write; give one or the other.");
            CheckOutputFiles(uPath, vtPath);
            foreach (var path in new[] { uPath, vtPath }) if (path is not null) MatrixFile.FormatOf(path);
            var matrix = ReadMatrix(parse.GetValue(a)!, parse);
            var watch = Stopwatch.StartNew();
            if (onlyValues)
            {
                var sigma = Svd.Values(matrix, ctx.Cancellation);
                double valueSeconds = watch.Elapsed.TotalSeconds;
                int rank = Svd.RankOf(sigma, matrix.Rows, matrix.Columns);
                ctx.Emit(new { singular_values = sigma, rank, seconds = valueSeconds }, () =>
                {
                    MatrixPrinter.Print(ctx.Output, "singular values", sigma);
                    ctx.Output.WriteLine($"rank: {rank}");
                });
                return ExitCodes.Success;
            }
            var svd = Svd.Decompose(matrix, ctx.Cancellation);
            double seconds = watch.Elapsed.TotalSeconds;
            if (uPath is not null) MatrixFile.Write(uPath, svd.U);
            if (vtPath is not null) MatrixFile.Write(vtPath, svd.VT);
            var u = uPath is null ? svd.U : null;
            var vt = vtPath is null ? svd.VT : null;
            string algorithm = svd.Algorithm.ToString();
            ctx.Emit(new { singular_values = svd.SingularValues, u, vt, u_file = uPath, vt_file = vtPath, rank = svd.Rank(), algorithm, seconds }, () =>
            {
                MatrixPrinter.Print(ctx.Output, "singular values", svd.SingularValues);
                ctx.Output.WriteLine($"rank: {svd.Rank()}");
                ctx.Output.WriteLine($"algorithm: {algorithm}");
                if (u is not null) MatrixPrinter.Print(ctx.Output, "U", u);
                else ctx.Output.WriteLine($"U written to {uPath}");
                if (vt is not null) MatrixPrinter.Print(ctx.Output, "Vᵀ", vt);
                else ctx.Output.WriteLine($"Vᵀ written to {vtPath}");
            });
            return ExitCodes.Success;
        }, ("a", "A"));
        return cmd;
    }

    private static object ToJson(Complex z) => new { re = z.Real, im = z.Imaginary };

    private static string Format(Complex z) =>
        z.Imaginary == 0 ? MatrixPrinter.Format(z.Real)
            : $"{MatrixPrinter.Format(z.Real)} {(z.Imaginary < 0 ? "−" : "+")} {MatrixPrinter.Format(Math.Abs(z.Imaginary))}i";
}
