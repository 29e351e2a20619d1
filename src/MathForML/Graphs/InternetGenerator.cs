using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Graphs;

/// <summary>
/// Random "internets" in the spirit of the course's <c>generate_internet</c>, by a recipe of the library's own: a link
/// matrix L (column j holds the probabilities 1/k of following each of page j's k links, so every column sums to 1) in
/// which a few clusters of important pages attract most links, most pages are unimportant, and some pages link only to
/// themselves (the rank sinks that damping is there to fix).
/// </summary>
/// <remarks>
/// How it differs from the course's generator (which <see cref="CourseInternet.Generate(int, uint)"/> reproduces to the
/// bit): the course links j → i when |Cauchy/2| &gt; |j − i| + 1 (links fall off with the distance between page
/// numbers, about 30 % of pages link to themselves, nothing is planted) and gives every entry 10⁻¹⁰ before normalising,
/// so its L has no exact zeros and a page without links spreads evenly; here important clusters and self-linking pages
/// are planted on purpose (so a test can check that PageRank finds them, <see cref="ImportantPages"/>), every page has
/// 1 to 4 links, L is sparse (also as an edge list, <see cref="GenerateEdges"/>), and the draws come from
/// <see cref="SeededRandom"/> with a 64-bit seed, not from NumPy's stream. Use this one to exercise PageRank, the
/// course's to reproduce a course result.
/// </remarks>
/// <remarks>
/// The recipe, all draws from one seeded stream:
/// <list type="number">
/// <item>max(1, n/25) clusters of up to 3 important pages; cluster c has weight 1/(c+1), so cluster 0 is the most
/// popular. The pages of a cluster link to each other and to one random page.</item>
/// <item>max(1, n/20) other pages (when n ≥ 4) link only to themselves.</item>
/// <item>Every remaining page makes 1 to 4 links; each goes, with probability 0.7, to a page of a cluster drawn by
/// weight, and otherwise to a uniformly random other page. Repeated targets count once.</item>
/// </list>
/// Cost O(n²) for the dense matrix; meant for the small internets of the course (up to a few thousand pages).
/// </remarks>
public static class InternetGenerator
{
    /// <summary>The largest internet generated (a dense n×n matrix).</summary>
    public const int MaxPages = 5000;

    /// <summary>
    /// The course's micro-internet of six pages A–F as its link matrix L: column j holds 1/k for each of page j's k
    /// links. Nobody links to E; C collects the most surfers (40 of 100). The same as <see cref="CourseInternet.Micro"/>.
    /// </summary>
    public static Matrix MicroInternet() => CourseInternet.Micro();

    /// <summary>A random internet of <paramref name="pages"/> pages as a link matrix.</summary>
    public static Matrix Generate(int pages, ulong seed = 1)
    {
        var links = GenerateLinks(pages, seed);
        var l = new Matrix(pages, pages);
        for (int j = 0; j < pages; j++)
            foreach (int i in links[j]) l[i, j] = 1.0 / links[j].Count;
        return l;
    }

    /// <summary>The same internet as an edge list (one edge j → i for each link), for the sparse PageRank.</summary>
    public static (int[] Sources, int[] Targets) GenerateEdges(int pages, ulong seed = 1)
    {
        var links = GenerateLinks(pages, seed);
        var sources = new List<int>();
        var targets = new List<int>();
        for (int j = 0; j < pages; j++)
        {
            foreach (int i in links[j])
            {
                sources.Add(j);
                targets.Add(i);
            }
        }
        return (sources.ToArray(), targets.ToArray());
    }

    /// <summary>The important pages of the internet made from <paramref name="pages"/> and <paramref name="seed"/>.</summary>
    public static int[] ImportantPages(int pages, ulong seed = 1) => Plan(pages, seed).Clusters.SelectMany(c => c).Order().ToArray();

    /// <summary>The pages that link only to themselves.</summary>
    public static int[] SelfLinkingPages(int pages, ulong seed = 1) => Plan(pages, seed).SelfLinking.Order().ToArray();

    private static List<int>[] GenerateLinks(int pages, ulong seed)
    {
        var (clusters, selfLinking, random) = Plan(pages, seed);
        var links = new List<int>[pages];
        var special = new bool[pages];
        foreach (var cluster in clusters)
        {
            foreach (int p in cluster)
            {
                special[p] = true;
                var set = new SortedSet<int>(cluster.Where(q => q != p)) { OtherPage(ref random, pages, p) };
                links[p] = [.. set];
            }
        }
        foreach (int p in selfLinking)
        {
            special[p] = true;
            links[p] = [p];
        }
        double totalWeight = 0;
        for (int c = 0; c < clusters.Count; c++) totalWeight += 1.0 / (c + 1);
        for (int p = 0; p < pages; p++)
        {
            if (special[p]) continue;
            int count = 1 + random.NextInt(4);
            var set = new SortedSet<int>();
            for (int k = 0; k < count; k++)
            {
                if (random.NextDouble() < 0.7)
                {
                    var cluster = clusters[WeightedCluster(ref random, clusters.Count, totalWeight)];
                    int target = cluster[random.NextInt(cluster.Length)];
                    set.Add(target == p ? OtherPage(ref random, pages, p) : target);
                }
                else
                {
                    set.Add(OtherPage(ref random, pages, p));
                }
            }
            links[p] = [.. set];
        }
        return links;
    }

    private static (List<int[]> Clusters, int[] SelfLinking, SeededRandom Random) Plan(int pages, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pages, MaxPages);
        var random = new SeededRandom(seed);
        var order = random.Permutation(pages);
        int clusterCount = Math.Max(1, pages / 25);
        var clusters = new List<int[]>();
        int next = 0;
        for (int c = 0; c < clusterCount && next < pages; c++)
        {
            int size = Math.Min(3, pages - next);
            clusters.Add(order[next..(next + size)]);
            next += size;
        }
        int selfCount = pages >= 4 ? Math.Min(Math.Max(1, pages / 20), pages - next) : 0;
        var selfLinking = order[next..(next + selfCount)];
        return (clusters, selfLinking, random);
    }

    private static int OtherPage(ref SeededRandom random, int pages, int page)
    {
        if (pages == 1) return page;
        int q = random.NextInt(pages - 1);
        return q >= page ? q + 1 : q;
    }

    private static int WeightedCluster(ref SeededRandom random, int count, double totalWeight)
    {
        double u = random.NextDouble() * totalWeight;
        for (int c = 0; c < count; c++)
        {
            u -= 1.0 / (c + 1);
            if (u < 0) return c;
        }
        return count - 1;
    }
}
