using MathForML.Cli.Commands;

namespace MathForML.Tests.Cli;

public class SpectralCommandsTests
{
    /// <summary>
    /// The merge from both ends gives exactly the stable sort by descending magnitude, then descending value
    /// (LINQ's OrderByDescending/ThenByDescending, the reference): on value-sorted lists with mixed signs, equal
    /// magnitudes of both signs, repeated values, zeros, all-negative and all-positive lists, and lengths 0–3.
    /// </summary>
    [Fact]
    public void ByMagnitudeEqualsTheStableSortByMagnitudeThenValue()
    {
        var random = new Random(11);
        List<double[]> lists = [[], [0], [-1], [2, -2], [-2, -3], [3, 0, -3], [3, 3, -3], [3, -3, -3], [0, 0, -0.0], [5, 1, -1, -5, -7]];
        for (int t = 0; t < 300; t++)
        {
            int n = random.Next(1, 40);
            // Small integers, so equal magnitudes of both signs and repeats are common.
            lists.Add([.. Enumerable.Range(0, n).Select(_ => (double)random.Next(-6, 7)).OrderByDescending(v => v)]);
        }

        foreach (var values in lists)
        {
            var expectedOrder = Enumerable.Range(0, values.Length).OrderByDescending(i => Math.Abs(values[i])).ThenByDescending(i => values[i]).ToArray();
            var sorted = SpectralCommands.ByMagnitude(values, out var order);
            Assert.Equal(expectedOrder, order);
            Assert.Equal(expectedOrder.Select(i => values[i]), sorted);
        }
    }
}
