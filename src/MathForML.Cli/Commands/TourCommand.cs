using System.CommandLine;
using System.Diagnostics;
using MathForML.Cli.Plots;
using MathForML.LinearAlgebra;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml tour</c>: runs the applied projects on built-in data and writes their pictures. So far it covers the
/// Linear Algebra course (special matrices, Gram–Schmidt, the reflected bear, eigenvalues); the other courses join
/// as they land.
/// </summary>
internal static class TourCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the tour's pictures.", DefaultValueFactory = _ => "tour-out" };
        var quick = new Option<bool>("--quick") { Description = "Smaller problems, for a fast check." };
        var cmd = new Command("tour", "Run the applied projects on built-in data and write their plots.") { output, quick };
        cmd.SetAction(parse =>
        {
            var ctx = context(parse);
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var projects = new List<object> { LinearAlgebraTour(ctx, dir, parse.GetValue(quick)) };
            ctx.Emit(new { projects, out_dir = Path.GetFullPath(dir) }, () => ctx.Output.WriteLine($"Pictures written to {Path.GetFullPath(dir)}"));
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static object LinearAlgebraTour(CliContext ctx, string dir, bool quick)
    {
        var watch = Stopwatch.StartNew();
        void Say(string line)
        {
            if (!ctx.Json) ctx.Output.WriteLine(line);
        }

        Say("== Linear Algebra: identifying special matrices ==");
        var regular = Matrix.FromRows([2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 4], [0, 0, 5, 5]);
        var invertible = Matrix.FromRows([0, 7, -5, 3], [2, 8, 0, 4], [3, 12, 0, 5], [1, 3, 1, 3]);
        bool s1 = SingularityTest.IsSingular(regular), s2 = SingularityTest.IsSingular(invertible);
        Say($"  [[2,0,0,0],[0,3,0,0],[0,0,4,4],[0,0,5,5]] singular: {s1}");
        Say($"  [[0,7,-5,3],[2,8,0,4],[3,12,0,5],[1,3,1,3]] singular: {s2} (det = {LuDecomposition.Decompose(invertible).Determinant:G6})");

        Say("== Gram-Schmidt ==");
        var vectors = Matrix.FromRows([1, 0, 2, 6], [0, 1, 8, 2], [2, 8, 3, 1], [1, -6, 2, 3]);
        var dependent = Matrix.FromRows([1, 2, 3], [4, 5, 9], [7, 8, 15]);
        var gs = GramSchmidt.Orthonormalize(vectors);
        var gsDep = GramSchmidt.Orthonormalize(dependent);
        Say($"  4 vectors in R⁴ span dimension {gs.Dimension}; [1,4,7],[2,5,8],[3,9,15] span dimension {gsDep.Dimension}");

        Say("== Reflecting bear ==");
        var mirror = Matrix.FromRows([1, -1], [0.5, 2]);
        var reflection = Transformations.Reflection(mirror);
        var bearPng = Path.Combine(dir, "reflecting-bear.png");
        ReflectionPlot.Save(bearPng, Bear.Parts(), reflection, mirror.Column(0));
        Say($"  T = E·diag(1,−1)·Eᵀ = [[{reflection[0, 0]:G3}, {reflection[0, 1]:G3}], [{reflection[1, 0]:G3}, {reflection[1, 1]:G3}]] → {bearPng}");

        Say("== Eigenvalues: power iteration against the symmetric eigensolver ==");
        int n = quick ? 50 : 400;
        var rng = new Random(7);
        var x = new Matrix(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) x[i, j] = x[j, i] = rng.NextDouble();
        var power = PowerIteration.Dominant(x);
        var eigenWatch = Stopwatch.StartNew();
        var all = SymmetricEigen.Decompose(x);
        double eigenSeconds = eigenWatch.Elapsed.TotalSeconds;
        double lambda = power.Eigenvalue;
        Say($"  random symmetric {n}×{n}: power iteration λ₁ = {lambda:G10} after {power.Iterations} iterations; all {n} eigenpairs in {eigenSeconds * 1000:F0} ms give λ₁ = {all.Eigenvalues[0]:G10}");

        return new
        {
            name = "linear-algebra",
            singular = new[] { s1, s2 },
            gram_schmidt_dimensions = new[] { gs.Dimension, gsDep.Dimension },
            reflection = reflection,
            dominant_eigenvalue = lambda,
            plots = new[] { bearPng },
            seconds = watch.Elapsed.TotalSeconds,
        };
    }
}
