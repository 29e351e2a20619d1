using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

[KernelPathTests(typeof(GatheredSums), typeof(PageRankUpdate))]
public class PageRankKernelTests
{
    /// <summary>Runs of every length from 0 to 20 (whole 4-wide gathers and the scalar tail), summed into repeated targets.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void GatheredSumsMatchTheLoop(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        var random = new Random(17);
        var values = KernelTestData.Uniform(random, 1000, 0, 1);
        var lengths = Enumerable.Range(0, 21).Concat(Enumerable.Range(0, 21)).ToArray();
        var offsets = new int[lengths.Length + 1];
        for (int p = 0; p < lengths.Length; p++) offsets[p + 1] = offsets[p] + lengths[p];
        // The first pair starts after 5 edges the kernel must not read (its offsets need not start at 0).
        var sources = Enumerable.Range(0, offsets[^1] + 5).Select(_ => random.Next(values.Length)).ToArray();
        for (int p = 0; p <= lengths.Length; p++) offsets[p] += 5;
        var targets = Enumerable.Range(0, lengths.Length).Select(p => p % 25).ToArray();
        var sums = KernelTestData.Uniform(random, 25, 0, 1);
        var expected = (double[])sums.Clone();
        for (int p = 0; p < lengths.Length; p++)
        {
            double run = 0;
            for (int e = offsets[p]; e < offsets[p + 1]; e++) run += values[sources[e]];
            expected[targets[p]] += run;
        }

        GatheredSums.Accumulate(values, sources, offsets, targets, sums, path);
        for (int i = 0; i < sums.Length; i++) Assert.Equal(expected[i], sums[i], 1e-13);
        Assert.Throws<ArgumentException>(() => GatheredSums.Accumulate(values, sources, offsets.AsSpan(1), targets, sums, path));
        Assert.Throws<ArgumentOutOfRangeException>(() => GatheredSums.Accumulate(values, sources.AsSpan(0, 10), offsets, targets, sums, path));
    }

    /// <summary>The update of every node, with a uniform and a personalized jump, against the formula.</summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void UpdateMatchesTheFormula(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        const double d = 0.85, share = 1e-3, uniform = 0.15 / 300;
        foreach (int n in KernelTestData.Lengths)
        {
            foreach (bool personalized in new[] { false, true })
            {
                var random = new Random(n + (personalized ? 500 : 0));
                var sums = KernelTestData.Uniform(random, n, 0, 1);
                var x = KernelTestData.Uniform(random, n, 0, 1);
                var inverse = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? 0 : 1.0 / (1 + random.Next(9))).ToArray();
                var jump = personalized ? KernelTestData.Uniform(random, n, 0, 0.1) : [];
                var (next, scaledNext) = (new double[n], new double[n]);
                double expectedChange = 0, expectedDangling = 0;
                var expectedNext = new double[n];
                for (int w = 0; w < n; w++)
                {
                    expectedNext[w] = (d * sums[w]) + share + (personalized ? jump[w] : uniform);
                    expectedChange += Math.Abs(expectedNext[w] - x[w]);
                    if (inverse[w] == 0) expectedDangling += expectedNext[w];
                }

                var (change, dangling) = PageRankUpdate.Apply(sums, x, inverse, jump, uniform, d, share, next, scaledNext, path);
                Assert.Equal(expectedChange, change, 1e-13);
                Assert.Equal(expectedDangling, dangling, 1e-13);
                for (int w = 0; w < n; w++)
                {
                    Assert.Equal(expectedNext[w], next[w], 1e-15);
                    Assert.Equal(next[w] * inverse[w], scaledNext[w]);
                    Assert.Equal(0, sums[w]);
                }
            }
        }

        Assert.Throws<ArgumentException>(() => PageRankUpdate.Apply(new double[3], new double[2], new double[3], [], 0, d, 0, new double[3], new double[3], path));
    }
}
