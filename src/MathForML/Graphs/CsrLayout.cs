namespace MathForML.Graphs;

/// <summary>
/// Where each node of a <see cref="CsrGraph"/> is stored: nodes in descending order of out-degree, ties by id (a
/// counting sort, O(n + 2¹⁶); degrees above 2¹⁶ − 1 count as equal), and the offsets of their in-edge lists.
/// </summary>
internal sealed class CsrLayout
{
    private const int DegreeCap = (1 << 16) - 1;

    private CsrLayout(int[] order, int[] position, int[] offsets)
    {
        Order = order;
        Position = position;
        Offsets = offsets;
    }

    /// <summary>Stored position → node id.</summary>
    public int[] Order { get; }

    /// <summary>Node id → stored position.</summary>
    public int[] Position { get; }

    /// <summary>n + 1 offsets of the in-edge lists, by stored position.</summary>
    public int[] Offsets { get; }

    public static CsrLayout Build(ReadOnlySpan<int> inDegree, ReadOnlySpan<int> outDegree)
    {
        int n = inDegree.Length;
        var start = new int[DegreeCap + 2];
        foreach (int d in outDegree) start[DegreeCap - Math.Min(d, DegreeCap) + 1]++;
        for (int k = 0; k <= DegreeCap; k++) start[k + 1] += start[k];
        var order = new int[n];
        var position = new int[n];
        for (int v = 0; v < n; v++)
        {
            int p = start[DegreeCap - Math.Min(outDegree[v], DegreeCap)]++;
            order[p] = v;
            position[v] = p;
        }
        var offsets = new int[n + 1];
        for (int p = 0; p < n; p++) offsets[p + 1] = offsets[p] + inDegree[order[p]];
        return new CsrLayout(order, position, offsets);
    }
}
