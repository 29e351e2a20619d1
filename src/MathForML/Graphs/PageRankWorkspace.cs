using MathForML.Numerics;

namespace MathForML.Graphs;

/// <summary>
/// The n-vectors one PageRank run iterates on, kept with their graph between runs (one set; a second concurrent run
/// allocates its own): the ranks x and the next step's, the scaled ranks s = D⁻¹x and the next step's, and the
/// segmented pull's sums.
/// </summary>
/// <remarks>
/// Why: five fresh 8n-byte vectors a run cost more than the first step itself on R-MAT 20 (2²⁰ nodes, 40 MB): the kernel
/// zeroes every page on first touch (37 % of a one-step run's samples in <c>clear_page_erms</c>), and on this VM a run
/// sometimes waited 0.2 s for fresh huge pages. Kept, they cost 40 bytes a node for the graph's lifetime (the graph's own
/// edges take 8 bytes an edge and more). Every vector is rewritten by a run before it is read, except the sums, which a run
/// clears first (a cancelled run can leave them dirty).
/// </remarks>
internal sealed class PageRankWorkspace
{
    private PageRankWorkspace(int n)
    {
        // Huge-page advice before the first touch (LargeArray): the steps gather s at random, and at R-MAT 22–24
        // (32–128 MB a vector) 4 KB pages made every gather a likely TLB miss.
        X = LargeArray.Uninitialized<double>(n);
        Next = LargeArray.Uninitialized<double>(n);
        Scaled = LargeArray.Uninitialized<double>(n);
        ScaledNext = LargeArray.Uninitialized<double>(n);
        Sums = LargeArray.Zeroed<double>(n);
    }

    public double[] X { get; }

    public double[] Next { get; }

    public double[] Scaled { get; }

    public double[] ScaledNext { get; }

    public double[] Sums { get; }

    /// <summary>The graph's kept workspace if no other run holds it, else a new one.</summary>
    public static PageRankWorkspace Rent(ref PageRankWorkspace? slot, int n) => Interlocked.Exchange(ref slot, null) ?? new PageRankWorkspace(n);

    /// <summary>Hands the workspace back to its graph for the next run.</summary>
    public static void Return(ref PageRankWorkspace? slot, PageRankWorkspace workspace) => Volatile.Write(ref slot, workspace);
}
