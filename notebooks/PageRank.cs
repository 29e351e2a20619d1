#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Linear Algebra, week 5 assignment: PageRank of a micro-internet, then of generated internets.
// Run with: dotnet run notebooks/PageRank.cs   (writes pagerank-internet.png to the current folder)
//
// 100 "procrastinating surfers" click links at random. The link matrix L has one column per page: column j holds the
// probability of going from page j to each page (1/k for each of its k links), so every column sums to 1. One click
// moves the crowd r to L·r; after many clicks r stops changing: r = L·r, the eigenvector of L for eigenvalue 1.
// Damping adds boredom: with probability 1 − d a surfer jumps to any page, M = d·L + (1 − d)/n·J.
using MathForML.Graphs;
using MathForML.LinearAlgebra;
using MathForML.Plots;

string[] names = ["A", "B", "C", "D", "E", "F"];
var l = InternetGenerator.MicroInternet();
string Show(double[] r) => string.Join("  ", r.Select((x, i) => $"{(i < names.Length ? names[i] : "G")}={x,6:F2}"));

// 1. Iterate r ← L·r from 100/6 surfers a page until ‖Δr‖₂ < 0.01 (the course's rule), and compare with the eigenvector.
var iterated = PageRank.Course(l, damping: 1.0, tolerance: 0.01);
Console.WriteLine($"Micro-internet, {iterated.Iterations} clicks:  {Show(iterated.Ranks)}");
Console.WriteLine($"Principal eigenvector ×100:   {Show(PageRank.CourseEigenvector(l))}");
Console.WriteLine("Page C is the most popular; nobody links to E, so its surfers leave and never come back.");

// 2. A page G that links only to itself: once surfers arrive they stay, and with d = 1 it swallows them all.
var withG = new Matrix(7, 7);
for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) withG[i, j] = l[i, j];
withG[2, 3] = withG[6, 3] = 0.5;   // D now links to C and to G
withG[6, 6] = 1;
var swallowed = PageRank.Course(withG, damping: 1.0, tolerance: 1e-8);
var damped = PageRank.Course(withG, damping: 0.1, tolerance: 1e-8);
Console.WriteLine($"\nWith a self-linking page G, d = 1:   {Show(swallowed.Ranks)}");
Console.WriteLine($"Damped, d = 0.1 ({damped.Iterations} clicks): {Show(damped.Ranks)}");
Console.WriteLine($"eigenvector of M (d = 0.1) ×100:     {Show(PageRank.CourseEigenvector(withG, 0.1))}");

// 3. A generated internet: a few clusters of important pages, most pages unimportant, some pages that link only to
//    themselves. Rank it with damping and check against the eigenvector of M.
const int pages = 40;
var internet = InternetGenerator.Generate(pages, seed: 7);
var ranks = PageRank.Course(internet, damping: 0.85, tolerance: 1e-10);
var eigen = PageRank.CourseEigenvector(internet, 0.85);
double worst = ranks.Ranks.Zip(eigen).Max(p => Math.Abs(p.First - p.Second));
Console.WriteLine($"\nGenerated internet of {pages} pages: {ranks.Iterations} clicks, largest difference from the eigenvector {worst:E1}");
Console.WriteLine($"important pages: {string.Join(", ", InternetGenerator.ImportantPages(pages, 7))}; self-linking: {string.Join(", ", InternetGenerator.SelfLinkingPages(pages, 7))}");
var top = ranks.Top(5);
Console.WriteLine($"top five: {string.Join(", ", top.Select(p => $"{p.Node} ({p.Rank:F1})"))}");

// 4. The same internet as a sparse graph, ranked by the power iteration for large graphs (ranks sum to 1).
var (sources, targets) = InternetGenerator.GenerateEdges(pages, seed: 7);
var sparse = PageRank.Compute(CsrGraph.FromEdges(sources, targets, pages), new PageRankOptions { Tolerance = 1e-13 });
Console.WriteLine($"sparse power iteration agrees: L1 distance {sparse.Ranks.Zip(eigen).Sum(p => Math.Abs(p.First - p.Second / 100)):E1}");

RankBarPlot.Create($"PageRank of a generated internet ({pages} pages, d = 0.85)", ranks.Ranks.Select((r, i) => (i, r)).ToArray(), "surfers (of 100)")
    .Save("pagerank-internet.png");
Console.WriteLine("Wrote pagerank-internet.png");
