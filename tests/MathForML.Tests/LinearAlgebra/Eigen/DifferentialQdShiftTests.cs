using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>
/// The dqds shift strategy (<see cref="DifferentialQdShift"/>): a new block's first shift is a lower bound on its
/// smallest eigenvalue (so the first transform cannot fail), and every later shift lies in [0, d_min] of the d's it is
/// chosen from (the smallest d of a transform bounds the next matrix's smallest eigenvalue from above).
/// </summary>
public class DifferentialQdShiftTests
{
    [Theory]
    [InlineData(5, 1)]
    [InlineData(40, 2)]
    [InlineData(300, 3)]
    public void TheFirstShiftOfABlockIsBelowItsSmallestEigenvalue(int n, int seed)
    {
        var random = new Random(seed);
        // Diagonally dominant qd arrays (q ≫ e), where the Gershgorin-type bound is positive and worth testing.
        var d = Enumerable.Range(0, n).Select(_ => 1 + random.NextDouble()).ToArray();
        var e = Enumerable.Range(0, n - 1).Select(_ => 0.1 * random.NextDouble()).ToArray();
        var q = d.Select(x => x * x).ToArray();
        var ee = e.Select(x => x * x).Append(0).ToArray();
        var shift = new DifferentialQdShift();
        double tau = shift.Choose(q, ee, 0, n, deflated: 0);
        double smallest = DifferentialQd.SingularValues(d, e, n)[^1];
        Assert.True(tau > 0, $"τ = {tau}");
        Assert.True(tau < smallest * smallest, $"τ = {tau:R} is not below λ_min = {smallest * smallest:R}");
    }

    [Fact]
    public void LaterShiftsLieBetweenZeroAndTheSmallestD()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = 6 + random.Next(20);   // the solver chooses shifts for blocks of 3 or more
            var q = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var e = Enumerable.Range(0, n).Select(_ => random.NextDouble() * (random.Next(3) == 0 ? 1e-6 : 1)).ToArray();
            var d = Enumerable.Range(0, 3).Select(_ => random.NextDouble()).ToArray();
            var shift = new DifferentialQdShift();
            shift.Choose(q, e, 0, n, 0);   // the block's first shift
            int deflated = random.Next(4);
            // The last three d's, each the minimum so far with some chance, as a transform reports them.
            shift.DN2 = d[0];
            shift.DMin2 = random.Next(2) == 0 ? d[0] : d[0] * random.NextDouble();
            shift.DN1 = d[1];
            shift.DMin1 = Math.Min(shift.DMin2, shift.DN1);
            shift.DN = d[2];
            shift.DMin = Math.Min(shift.DMin1, shift.DN);
            double bound = deflated switch { 0 => shift.DMin, 1 => shift.DMin1, 2 => shift.DMin2, _ => 0 };
            double tau = shift.Choose(q, e, 0, n - deflated, deflated);
            Assert.True(tau >= 0 && tau <= bound, $"trial {trial}, {deflated} deflated: τ = {tau:R}, bound {bound:R}");
        }
    }
}
