using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

public class GemmWorkQueueTests
{
    [Fact]
    public void EachSlabHandsOutItsUnitsOnceInOrder()
    {
        var queue = new GemmWorkQueue([2, 1]);
        Assert.True(queue.TryClaim(1, 3, out int first));
        Assert.True(queue.TryClaim(0, 2, out int other));
        Assert.True(queue.TryClaim(1, 3, out int second));
        Assert.True(queue.TryClaim(1, 3, out int third));
        Assert.Equal((0, 0, 1, 2), (other, first, second, third));
        Assert.False(queue.TryClaim(1, 3, out _));
        Assert.False(queue.TryClaim(1, 3, out _));
        Assert.True(queue.TryClaim(0, 2, out int last));
        Assert.Equal(1, last);
        Assert.False(queue.TryClaim(0, 2, out _));
    }

    [Fact]
    public void ConcurrentClaimsNeitherRepeatNorSkipAUnit()
    {
        const int units = 20_000;
        var queue = new GemmWorkQueue([1]);
        var seen = new int[units];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            while (queue.TryClaim(0, units, out int unit)) Interlocked.Increment(ref seen[unit]);
        });
        Assert.All(seen, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task AWaitForAnUpdateEndsWhenItIsComplete()
    {
        var queue = new GemmWorkQueue([3]);
        queue.WaitForUpdates(0, 2, 0);
        var waiter = Task.Run(() => queue.WaitForUpdates(0, 2, 2));
        queue.Complete(0, 2, 1);
        Assert.NotSame(waiter, await Task.WhenAny(waiter, Task.Delay(50)));
        queue.Complete(0, 1, 2);
        Assert.NotSame(waiter, await Task.WhenAny(waiter, Task.Delay(50)));
        queue.Complete(0, 2, 2);
        Assert.Same(waiter, await Task.WhenAny(waiter, Task.Delay(TimeSpan.FromSeconds(10))));
    }
}
