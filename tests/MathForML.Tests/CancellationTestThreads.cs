namespace MathForML.Tests;

/// <summary>
/// Cancels a token after a delay from a dedicated thread. A <see cref="CancellationTokenSource"/> timer fires on a
/// thread-pool thread, which can come seconds late while the rest of the suite holds the pool; a test of how soon work
/// stops after cancelling must not measure that wait.
/// </summary>
internal static class CancellationTestThreads
{
    /// <summary>Starts the thread; disposing the result waits for it.</summary>
    public static IDisposable CancelAfter(CancellationTokenSource source, int milliseconds)
    {
        var thread = new Thread(() =>
        {
            Thread.Sleep(milliseconds);
            source.Cancel();
        })
        { IsBackground = true, Name = "test canceller" };
        thread.Start();
        return new Joined(thread);
    }

    private sealed class Joined(Thread thread) : IDisposable
    {
        public void Dispose() => thread.Join();
    }
}
