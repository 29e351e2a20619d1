using System.Globalization;
using System.Runtime.InteropServices;
using MathForML.Graphs;

namespace MathForML.Distributed.Tests.Graphs;

/// <summary>Edge-list and rank files for the distributed PageRank tests.</summary>
internal static class GraphFiles
{
    /// <summary>Writes the R-MAT graph of <paramref name="scale"/> (16 edges a node) as a binary edge list; returns its out-degrees.</summary>
    public static int[] WriteRmat(string path, int scale, ulong seed)
    {
        var (s, t) = RmatGenerator.Generate(scale, 16, seed);
        var pairs = new int[2 * s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            pairs[2 * i] = s[i];
            pairs[2 * i + 1] = t[i];
        }

        File.WriteAllBytes(path, MemoryMarshal.AsBytes(pairs.AsSpan()).ToArray());
        var outDegree = new int[1 << scale];
        foreach (int u in s) outDegree[u]++;
        return outDegree;
    }

    /// <summary>A personalization vector over n nodes (uneven, summing to 1), written one value a line.</summary>
    public static double[] WritePersonalization(string path, int n)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 1 + (i % 7);
        double sum = v.Sum();
        for (int i = 0; i < n; i++) v[i] /= sum;
        File.WriteAllLines(path, v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        // What the CLI reads back from the text (each value round-trips exactly).
        return v;
    }

    /// <summary>The ranks of a CSV written by <c>mml pagerank --out</c> ("node,rank").</summary>
    public static double[] ReadRanks(string path) =>
        File.ReadLines(path).Skip(1).Select(l => double.Parse(l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Σ |a − b|.</summary>
    public static double L1(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += Math.Abs(a[i] - b[i]);
        return s;
    }
}
