using MathForML.Kernels;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.Tests.Kernels;
using MathForML.Tests.Statistics;

namespace MathForML.Tests.Learning;

[KernelPathTests(typeof(GemmMicroKernelChoice))]
public class NeighborScreenTests
{
    /// <summary>Every micro-kernel family this processor runs (as ints: <see cref="KernelPath"/> is internal).</summary>
    public static TheoryData<int> Paths() => [.. KernelPathSelection.Supported.Select(p => (int)p)];

    /// <summary>
    /// The fused screen keeps, for each query, the c smallest float32 scores ‖x‖² − 2·qᵀx over the kept features, in
    /// order, the earlier sample first on ties: checked against the same scores computed one by one in float32 and
    /// sorted. Tolerance: float32 scores of the same sums accumulated in another order differ by at most
    /// (D + 2)·2⁻²⁴·(‖x‖² + 2‖q‖‖x‖); with D = 40 and entries in [0, 1) that is below 1e-4, so each kept score is
    /// compared to within 1e-4, and the kept set must be the reference's up to samples whose scores lie that close to
    /// the c-th.
    /// </summary>
    [Theory]
    [MemberData(nameof(Paths))]
    public void KeepsTheSmallestScoresInOrder(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        int n = 203, d = 40, m = 37, c = 9;   // n, m not multiples of any tile size
        var train = SampleStatisticsTests.Random(n, d, 11);
        for (int i = 0; i < n; i++) train[i, 5] = 0.25;   // a constant feature, left out by the caller
        var queries = SampleStatisticsTests.Random(m + 3, d, 12);
        int[] active = [.. Enumerable.Range(0, d).Where(j => j != 5)];
        var norms = Enumerable.Range(0, n).Select(i => (float)Enumerable.Range(0, d).Sum(j => train[i, j] * train[i, j])).ToArray();
        var candidates = new int[m * c];
        var scores = new float[m * c];
        NeighborScreen.Run(train, active, norms, queries, 3, m, c, candidates, scores, path);
        for (int q = 0; q < m; q++)
        {
            var expected = Enumerable.Range(0, n).Select(j =>
            {
                float dot = 0;
                foreach (int f in active) dot += (float)queries[q + 3, f] * (float)train[j, f];
                return (Score: norms[j] - (2 * dot), Index: j);
            }).OrderBy(t => t.Score).ThenBy(t => t.Index).ToArray();
            float cth = expected[c - 1].Score;
            for (int i = 0; i < c; i++)
            {
                int j = candidates[(q * c) + i];
                Assert.InRange(Math.Abs(scores[(q * c) + i] - expected[i].Score), 0, 1e-4);
                Assert.True(expected.Take(c).Any(t => t.Index == j) || expected.First(t => t.Index == j).Score <= cth + 2e-4,
                    $"query {q}: sample {j} kept but not among the {c} smallest");
                if (i > 0) Assert.True(scores[(q * c) + i - 1] <= scores[(q * c) + i]);
            }
        }
    }

    /// <summary>Cutting the training set into many packed chunks (and a partial last panel) changes nothing, bit for bit.</summary>
    [Theory]
    [MemberData(nameof(Paths))]
    public void ChunksGiveTheSameCandidates(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        int n = 500, d = 33, m = 70, c = 5;
        var train = SampleStatisticsTests.Random(n, d, 13);
        var queries = SampleStatisticsTests.Random(m, d, 14);
        int[] active = [.. Enumerable.Range(0, d)];
        var norms = Enumerable.Range(0, n).Select(i => (float)Enumerable.Range(0, d).Sum(j => train[i, j] * train[i, j])).ToArray();
        var (wholeIndices, wholeScores) = (new int[m * c], new float[m * c]);
        var (chunkIndices, chunkScores) = (new int[m * c], new float[m * c]);
        NeighborScreen.Run(train, active, norms, queries, 0, m, c, wholeIndices, wholeScores, path);
        NeighborScreen.Run(train, active, norms, queries, 0, m, c, chunkIndices, chunkScores, path, chunkBytes: 1);   // one panel a chunk
        Assert.Equal(wholeIndices, chunkIndices);
        Assert.Equal(wholeScores, chunkScores);
    }

    /// <summary>Scores that overflow float32 never enter a list: it ends in index −1, score +∞, for the caller to reject.</summary>
    [Fact]
    public void OverflowingScoresLeaveTheListUnfilled()
    {
        var train = Matrix.FromRows([1e20, 0], [0, 1e20], [1e20, 1e20]);
        var norms = new[] { float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity };
        var candidates = new int[2];
        var scores = new float[2];
        NeighborScreen.Run(train, [0, 1], norms, Matrix.FromRows([1, 1]), 0, 1, 2, candidates, scores, KernelPathSelection.Best);
        Assert.Equal([-1, -1], candidates);
        Assert.All(scores, s => Assert.Equal(float.PositiveInfinity, s));
    }
}
