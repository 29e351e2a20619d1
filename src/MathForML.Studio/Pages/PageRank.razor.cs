using System.Globalization;
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.Plots;

namespace MathForML.Studio.Pages;

/// <summary>
/// The PageRank assignment (Linear Algebra, week 5): the micro-internet with or without Geoff's page G, the surfers
/// moved one click at a time, the course's loop (<see cref="Graphs.PageRank.Course"/>) and its eigenvector
/// (<see cref="Graphs.PageRank.CourseEigenvector"/>), and a generated internet (<see cref="CourseInternet.Generate(int, uint)"/>).
/// </summary>
public sealed partial class PageRank
{
    private bool _withGeoff;
    private double _damping = 1;
    private int _clicks;
    private double[] _surfers = [];
    private PageRankResult _course = null!;
    private double[] _eigenvector = [];
    private Figure _graph = null!;
    private double _pages = 20;
    private uint _seed = 1;
    private PageRankResult _generated = null!;
    private int _generatedTop;
    private Figure _generatedBars = null!;

    private Matrix Links => _withGeoff ? CourseInternet.MicroWithPageG() : CourseInternet.Micro();

    private string[] Names => _withGeoff ? ["A", "B", "C", "D", "E", "F", "G"] : ["A", "B", "C", "D", "E", "F"];

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Reset();
        Generate();
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    private void Reset()
    {
        var links = Links;
        int n = links.Rows;
        _clicks = 0;
        _surfers = Enumerable.Repeat(100.0 / n, n).ToArray();
        _course = Graphs.PageRank.Course(links, _damping);
        _eigenvector = Graphs.PageRank.CourseEigenvector(links, _damping);
        Draw();
    }

    private void Step()
    {
        _surfers = (Graphs.PageRank.DampedMatrix(Links, _damping) * new Vector(_surfers)).ToArray();
        _clicks++;
        Draw();
    }

    private void Draw() => _graph = LinkGraphPlot.Create(Links, _surfers, Names,
        _clicks == 0 ? "100 surfers, spread evenly" : $"After {_clicks} click{(_clicks == 1 ? "" : "s")}, d = {_damping:0.00}");

    private void GeoffChanged(Microsoft.AspNetCore.Components.ChangeEventArgs e)
    {
        _withGeoff = e.Value is true;
        Reset();
    }

    private void DampingChanged(double d)
    {
        _damping = d;
        Reset();
        Generate();
    }

    private void PagesChanged(double n)
    {
        _pages = n;
        Generate();
    }

    private void SeedChanged(Microsoft.AspNetCore.Components.ChangeEventArgs e)
    {
        if (uint.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out uint seed))
        {
            _seed = seed;
            Generate();
        }
    }

    private void Generate()
    {
        int n = (int)_pages;
        var links = CourseInternet.Generate(n, _seed);
        _generated = Graphs.PageRank.Course(links, _damping);
        _generatedTop = Array.IndexOf(_generated.Ranks, _generated.Ranks.Max());
        _generatedBars = RankBarPlot.Create($"generate_internet({n}), seed {_seed}, d = {_damping:0.00}",
            _generated.Ranks.Select((r, i) => (i, r)).ToList(), "surfers (of 100)");
    }
}
