using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.Plots;

namespace MathForML.Cli.Tour;

/// <summary>
/// The Linear Algebra course's PageRank assignment: the micro-internet of six pages (r = L·r iterated until it settles,
/// against the eigenvector for eigenvalue 1), then a generated internet of 1,000 pages ranked with damping d = 0.85 by
/// the sparse power iteration, checked against the dense iteration of M = d·L + (1 − d)/n·J and against the pages the
/// generator made important. The generated internet comes from the library's <see cref="InternetGenerator"/>, whose
/// planted important pages can be checked; the course's own <c>generate_internet</c> is <see cref="CourseInternet"/>.
/// </summary>
internal sealed class PageRankStep : ITourStep
{
    private const int Pages = 1000;
    private const ulong Seed = 1;
    private const double Damping = 0.85;

    public string Name => "pagerank";

    public string Title => "PageRank: the course's micro-internet and a generated internet of 1,000 pages";

    public object Run(TourStepContext c)
    {
        string[] names = ["A", "B", "C", "D", "E", "F"];
        var micro = InternetGenerator.MicroInternet();
        var clicks = PageRank.Course(micro, damping: 1.0, tolerance: 0.01);
        var eigenvector = PageRank.CourseEigenvector(micro);
        c.Say($"micro-internet, 100 surfers after {clicks.MatrixProducts} clicks: {string.Join("  ", clicks.Ranks.Select((r, i) => $"{names[i]}={r:F2}"))}");
        c.Say($"eigenvector of L for eigenvalue 1 (×100):       {string.Join("  ", eigenvector.Select((r, i) => $"{names[i]}={r:F2}"))}");
        c.Say($"(the course's notebook says \"{clicks.Iterations} iterations to convergence\": it counts the clicks after the first)");
        RankBarPlot.Create("The micro-internet: where 100 surfers end up",
            clicks.Ranks.Select((r, i) => (i, r)).ToArray(), "surfers", names).Save(c.Plot("micro-internet.png"));

        using var stage = c.Display.Start($"PageRank of {Pages:N0} pages");
        var (sources, targets) = InternetGenerator.GenerateEdges(Pages, Seed);
        var graph = CsrGraph.FromEdges(sources, targets, Pages);
        var sparse = PageRank.Compute(graph, new PageRankOptions { Damping = Damping, Tolerance = 1e-12 }, cancellationToken: c.Cancellation);
        stage.Report(0.5);
        var dense = PageRank.Course(InternetGenerator.Generate(Pages, Seed), damping: Damping, tolerance: 1e-10);
        double l1 = sparse.Ranks.Zip(dense.Ranks).Sum(p => Math.Abs(p.First - p.Second / 100));
        var important = InternetGenerator.ImportantPages(Pages, Seed).ToHashSet();
        var top = sparse.Top(20);
        int found = top.Count(p => important.Contains(p.Node));
        c.Say($"generated internet: {Pages:N0} pages, {graph.EdgeCount:N0} links, d = {Damping}: {sparse.Iterations} iterations; L1 distance to the dense iteration {l1:E1}");
        c.Say($"top pages: {string.Join(", ", top.Take(10).Select(p => $"{p.Node} ({p.Rank:P2})"))}");
        c.Say($"{found} of the top 20 are among the {important.Count} pages the generator made important");
        RankBarPlot.Create($"PageRank of a generated internet: top 20 of {Pages:N0} pages (d = {Damping})", top, "rank").Save(c.Plot("internet-top20.png"));

        return new
        {
            micro_internet = names.Zip(clicks.Ranks).ToDictionary(p => p.First, p => p.Second),
            micro_internet_clicks = clicks.MatrixProducts,
            micro_internet_course_iterations = clicks.Iterations,
            pages = Pages,
            links = graph.EdgeCount,
            damping = Damping,
            iterations = sparse.Iterations,
            l1_to_dense = l1,
            top = top.Select(p => new { page = p.Node, rank = p.Rank }),
            important_in_top20 = found,
        };
    }
}
