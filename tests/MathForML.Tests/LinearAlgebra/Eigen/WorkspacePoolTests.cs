using MathForML.LinearAlgebra.Eigen;

namespace MathForML.Tests.LinearAlgebra.Eigen;

public class WorkspacePoolTests
{
    [Fact]
    public void RentedArraysAreLongEnoughAndClearedOnRequest()
    {
        foreach (int length in new[] { 0, 1, 1000, 1024, 1025, 784 * 784, 3 * 784 * 784 })
        {
            var dirty = WorkspacePool.Rent(length, clear: false);
            Assert.True(dirty.Length >= length);
            dirty.AsSpan().Fill(double.NaN);
            WorkspacePool.Return(dirty);
            var clean = WorkspacePool.Rent(length, clear: true);
            Assert.True(clean.AsSpan(0, length).IndexOfAnyExcept(0.0) < 0, $"length {length}: not cleared");
            WorkspacePool.Return(clean);
        }
    }

    [Fact]
    public void AReturnedArrayIsRentedAgain()
    {
        // Several sizes at once, as a decomposition holds them; each comes back from the pool when returned.
        // (Other tests may rent the same sizes in parallel, so only "some array of ours comes back" is asserted.)
        var ours = Enumerable.Range(0, 3).Select(_ => WorkspacePool.Rent(300_000, clear: false)).ToList();
        foreach (var a in ours) WorkspacePool.Return(a);
        var again = Enumerable.Range(0, 3).Select(_ => WorkspacePool.Rent(300_000, clear: false)).ToList();
        Assert.Contains(again, a => ours.Any(o => ReferenceEquals(o, a)));
        foreach (var a in again) WorkspacePool.Return(a);
    }

    [Fact]
    public void ArraysFromElsewhereAreNotKept()
    {
        WorkspacePool.Return(new double[3000]);   // not a pooled size: ignored
        var rented = WorkspacePool.Rent(3000, clear: false);
        Assert.Equal(4096, rented.Length);
        WorkspacePool.Return(rented);
    }

    [Fact]
    public void ArraysLongerThanTwoToThe26AreNotKept()
    {
        var huge = WorkspacePool.Rent((1 << 26) + 1, clear: false);
        Assert.Equal((1 << 26) + 1, huge.Length);   // exactly as asked: not a pooled size
        WorkspacePool.Return(huge);
        var again = WorkspacePool.Rent((1 << 26) + 1, clear: false);
        Assert.NotSame(huge, again);
    }
}
