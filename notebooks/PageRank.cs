#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Linear Algebra, week 5 assignment: PageRank of the course's micro-internets, of its generate_internet, then of the
// library's generated internets.
// Run with: dotnet run notebooks/PageRank.cs   (writes pagerank-internet.png to the current folder)
//
// 100 "procrastinating surfers" click links at random. The link matrix L has one column per page: column j holds the
// probability of going from page j to each page (1/k for each of its k links), so every column sums to 1. One click
// moves the crowd r to L·r; after many clicks r stops changing: r = L·r, the eigenvector of L for eigenvalue 1.
// Damping adds boredom: with probability 1 − d a surfer jumps to any page, M = d·L + (1 − d)/n·J.
using MathForML.Graphs;
using MathForML.Plots;

string[] names = ["A", "B", "C", "D", "E", "F", "G"];
var l = CourseInternet.Micro();   // the course's L (src/MathForML/Graphs/CourseInternet.cs)
string Show(double[] r) => string.Join("  ", r.Select((x, i) => $"{names[i]}={x,6:F2}"));

// 1. The course's loop (PageRank.Course, src/MathForML/Graphs/PageRank.cs): r = 100/6 a page, one product r ← L·r,
//    then more while ‖Δr‖₂ > 0.01, counting only those; compare with the eigenvector.
var iterated = PageRank.Course(l, damping: 1.0, tolerance: 0.01);
Console.WriteLine($"Micro-internet: {iterated.Iterations} iterations to convergence (the course's count; {iterated.MatrixProducts} clicks, i.e. matrix products)");
Console.WriteLine($"ranks:                        {Show(iterated.Ranks)}");
Console.WriteLine($"Principal eigenvector ×100:   {Show(PageRank.CourseEigenvector(l))}");
Console.WriteLine("Page C is the most popular; nobody links to E, so its surfers leave and never come back.");

// 2. The course's L2: a page G that links only to itself, and F now links to C, D and G. Once surfers arrive at G they
//    stay, and with d = 1 it swallows them all (slowly). Damping with d = 0.5 fixes it, as the course shows.
var withG = CourseInternet.MicroWithPageG();
var swallowed = PageRank.Course(withG, damping: 1.0);
var damped = PageRank.Course(withG, damping: 0.5);
Console.WriteLine();
Console.WriteLine($"{$"With a self-linking page G, d = 1 ({swallowed.Iterations} iterations):",-54}{Show(swallowed.Ranks)}");
Console.WriteLine($"{$"Damped, d = 0.5 ({damped.Iterations} iterations):",-54}{Show(damped.Ranks)}");
Console.WriteLine($"{"eigenvector of M (d = 0.5) ×100:",-54}{Show(PageRank.CourseEigenvector(withG, 0.5))}");

// 3. The course's random internet: np.random.seed(1); generate_internet(20), to the bit (NumPy's legacy stream,
//    src/MathForML/Randomness/NumPyRandom.cs): page j links to i when |Cauchy/2| > |j − i| + 1.
var courseInternet = CourseInternet.Generate(20, seed: 1);
var courseRanks = PageRank.Course(courseInternet, damping: 0.9);
Console.WriteLine($"\nThe course's generate_internet(20), seed 1, d = 0.9: {courseRanks.Iterations} iterations; top five: " +
    string.Join(", ", courseRanks.Top(5).Select(p => $"{p.Node} ({p.Rank:F1})")));

// 4. The library's own generator (InternetGenerator, not the course's recipe): a few clusters of important pages,
//    most pages unimportant, some pages that link only to themselves. Rank it with damping and check against the
//    eigenvector of M.
const int pages = 40;
var internet = InternetGenerator.Generate(pages, seed: 7);
var ranks = PageRank.Course(internet, damping: 0.85, tolerance: 1e-10);
var eigen = PageRank.CourseEigenvector(internet, 0.85);
double worst = ranks.Ranks.Zip(eigen).Max(p => Math.Abs(p.First - p.Second));
Console.WriteLine($"\nInternetGenerator's internet of {pages} pages: {ranks.Iterations} iterations, largest difference from the eigenvector {worst:E1}");
Console.WriteLine($"important pages: {string.Join(", ", InternetGenerator.ImportantPages(pages, 7))}; self-linking: {string.Join(", ", InternetGenerator.SelfLinkingPages(pages, 7))}");
var top = ranks.Top(5);
Console.WriteLine($"top five: {string.Join(", ", top.Select(p => $"{p.Node} ({p.Rank:F1})"))}");

// 5. The same internet as a sparse graph, ranked by the power iteration for large graphs (ranks sum to 1).
var (sources, targets) = InternetGenerator.GenerateEdges(pages, seed: 7);
var sparse = PageRank.Compute(CsrGraph.FromEdges(sources, targets, pages), new PageRankOptions { Tolerance = 1e-13 });
Console.WriteLine($"sparse power iteration agrees: L1 distance {sparse.Ranks.Zip(eigen).Sum(p => Math.Abs(p.First - p.Second / 100)):E1}");

RankBarPlot.Create($"PageRank of a generated internet ({pages} pages, d = 0.85)", ranks.Ranks.Select((r, i) => (i, r)).ToArray(), "surfers (of 100)")
    .Save("pagerank-internet.png");
Console.WriteLine("Wrote pagerank-internet.png");
