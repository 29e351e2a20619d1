using System.Text.Json;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Randomness;

namespace MathForML.Tests.NeuralNetworks;

/// <summary>
/// <see cref="CourseNetwork"/>'s course constructor and <see cref="CourseNetwork.TrainAsCourse"/> against the course's
/// own <c>reset_network</c> and <c>plot_training</c> loop run by numpy (Reference/course-network/make_reference.py).
/// </summary>
public class CourseNetworkCourseLoopTests
{
    public static IEnumerable<object[]> Cases() =>
        Enumerable.Range(0, ReferenceData.Json("course-network", "reference.json").GetProperty("cases").GetArrayLength()).Select(i => new object[] { i });

    private static JsonElement Case(int i) => ReferenceData.Json("course-network", "reference.json").GetProperty("cases")[i];

    private static Matrix[] Parameters(CourseNetwork n) => [n.W1, n.W2, n.W3, n.B1, n.B2, n.B3];

    private static Matrix[] Parameters(JsonElement e) =>
        new[] { "W1", "W2", "W3", "b1", "b2", "b3" }.Select(k => e.GetProperty(k).ToMatrix()).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reset_network_draws_the_course_weights_bit_for_bit(int index)
    {
        var c = Case(index);
        var net = new CourseNetwork(new NumPyRandom((uint)c.GetProperty("reset_seed").GetInt32()), c.GetProperty("n1").GetInt32(), c.GetProperty("n2").GetInt32());
        var expected = Parameters(c.GetProperty("initial"));
        var actual = Parameters(net);
        for (int k = 0; k < 6; k++) Assert.Equal(expected[k].ToArray(), actual[k].ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_course_loop_makes_iterations_plus_one_updates_with_its_noise(int index)
    {
        var c = Case(index);
        var (x, y) = CurveData.CourseTrainingData();
        var net = new CourseNetwork(new NumPyRandom((uint)c.GetProperty("reset_seed").GetInt32()), c.GetProperty("n1").GetInt32(), c.GetProperty("n2").GetInt32());
        int iterations = c.GetProperty("iterations").GetInt32();
        var training = net.TrainAsCourse(x, y, new NumPyRandom((uint)c.GetProperty("noise_seed").GetInt32()), iterations,
            c.GetProperty("aggression").GetDouble(), c.GetProperty("noise").GetDouble());

        // Rounding differs (matrix products summed in another order) and the loop is chaotic (see the script), so the
        // runs are short: the parameters agree to 1e-9 relative, the costs to 1e-9.
        var expected = Parameters(c.GetProperty("final"));
        var actual = Parameters(net);
        for (int k = 0; k < 6; k++)
        {
            double scale = Math.Max(1, expected[k].MaxAbs());
            Assert.True((expected[k] - actual[k]).MaxAbs() <= 1e-9 * scale, $"parameter {k}: {(expected[k] - actual[k]).MaxAbs():E2}");
        }

        var costs = c.GetProperty("costs").EnumerateArray().Select(p => (Count: p[0].GetInt32(), Cost: p[1].GetDouble())).ToList();
        Assert.Equal(costs.Select(p => iterations - p.Count + 1), training.Costs.Skip(1).Select(p => p.Iteration));
        for (int i = 0; i < costs.Count; i++) Assert.Equal(costs[i].Cost, training.Costs[i + 1].Cost, 1e-9);
        Assert.Equal(iterations + 1, training.Costs[^1].Iteration);
        Assert.Equal(c.GetProperty("final_cost").GetDouble(), net.Cost(x, y), 1e-9);
    }
}
