using System.CommandLine;
using MathForML.Geometry;
using MathForML.LinearAlgebra;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml geometry …</c>: the PCA course's weeks 2 and 3. <c>distance</c> and <c>angle</c> (here) measure two vectors
/// with the dot product or an inner product ⟨x, y⟩ = xᵀMy (<see cref="InnerProduct"/>); <c>similar</c>
/// (<see cref="GeometrySimilarCommand"/>) finds the nearest rows of a data set; <c>project</c>
/// (<see cref="GeometryProjectCommand"/>) projects orthogonally onto a line or a subspace.
/// </summary>
internal static class GeometryCommand
{
    private const string InnerName = "--inner-product";

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var geometry = new Command("geometry", "Inner products, distances, angles, nearest rows and orthogonal projections (the PCA course's weeks 2 and 3).");
        geometry.Subcommands.Add(Distance(context));
        geometry.Subcommands.Add(Angle(context));
        geometry.Subcommands.Add(GeometrySimilarCommand.Build(context));
        geometry.Subcommands.Add(GeometryProjectCommand.Build(context));
        // similar and project read data sets (samples: uint8 pixels ÷ 255 unless --scale says otherwise); distance and angle only M.
        foreach (var c in geometry.Subcommands) CommonOptions.AddFileReading(c, scale: c.Name is "similar" or "project");
        return geometry;
    }

    private static Option<string> VectorOption(string name) =>
        new(name) { Description = "A vector, its elements separated by commas: 1,2,3 (write --a=-1,2 for a leading minus).", Required = true };

    private static Option<string?> InnerProductOption() =>
        new(InnerName, "--inner")
        {
            Description = "The inner product ⟨x, y⟩ = xᵀMy: M written out (\"2,1;1,2\", rows separated by ';') or a matrix file; symmetric positive definite. Default: the dot product.",
        };

    private static Command Distance(Func<ParseResult, CliContext> context)
    {
        var (a, b, inner) = (VectorOption("--a"), VectorOption("--b"), InnerProductOption());
        var cmd = new Command("distance", "The distance d(a, b) = ‖a − b‖ = √⟨a − b, a − b⟩: Euclidean, or √((a − b)ᵀM(a − b)) with --inner-product (the course's distance(x0, x1)).") { a, b, inner };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var (x, y, product, m) = Read(parse, a, b, inner);
            double distance = product.Distance(x, y);
            ctx.Emit(new { a = x, b = y, inner_product = m, distance }, () =>
                ctx.Output.WriteLine($"d(a, b) = {distance:R} ({Name(m)})"));
            return ExitCodes.Success;
        }, Flags);
        return cmd;
    }

    private static Command Angle(Func<ParseResult, CliContext> context)
    {
        var (a, b, inner) = (VectorOption("--a"), VectorOption("--b"), InnerProductOption());
        var cmd = new Command("angle", "The angle ω between a and b, cos ω = ⟨a, b⟩ / (‖a‖·‖b‖), in radians and degrees (the course's angle(x0, x1)).") { a, b, inner };
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            var (x, y, product, m) = Read(parse, a, b, inner);
            double radians = product.Angle(x, y);
            double degrees = radians * 180 / Math.PI;
            double cosine = product.Of(x, y) / (product.Length(x) * product.Length(y));
            ctx.Emit(new { a = x, b = y, inner_product = m, radians, degrees, cosine }, () =>
                ctx.Output.WriteLine($"angle(a, b) = {radians:R} rad = {degrees:R}° (cos ω = {cosine:R}; {Name(m)})"));
            return ExitCodes.Success;
        }, Flags);
        return cmd;
    }

    /// <summary>The library's parameter names and the flags that fill them.</summary>
    private static readonly (string, string)[] Flags = [("x", "--a"), ("y", "--b"), ("a", InnerName)];

    private static string Name(Matrix? m) => m is null ? "dot product" : "inner product xᵀMy";

    /// <summary>The two vectors, the inner product (the dot product without the option) and its matrix M (null for the dot product).</summary>
    private static (Vector X, Vector Y, InnerProduct Product, Matrix? M) Read(ParseResult parse, Option<string> a, Option<string> b, Option<string?> inner)
    {
        var x = InlineValues.Vector("--a", parse.GetValue(a)!);
        var y = InlineValues.Vector("--b", parse.GetValue(b)!);
        if (x.Length != y.Length) throw new UserInputException($"--a has {x.Length} elements and --b {y.Length}: the vectors must have the same length.");
        if (parse.GetValue(inner) is not { } text) return (x, y, InnerProduct.Dot, null);
        var m = InlineValues.MatrixOrFile(InnerName, text, parse);
        if (m.Rows != m.Columns) throw new UserInputException($"{InnerName}: an inner product needs a square matrix, found {m.Rows}×{m.Columns}.");
        if (m.Rows != x.Length)
            throw new UserInputException($"{InnerName} is {m.Rows}×{m.Columns}, an inner product on vectors of {m.Rows} elements, but --a and --b have {x.Length}.");
        return (x, y, InnerProduct.FromMatrix(m), m);
    }
}
