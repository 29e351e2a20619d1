using MathForML.Numerics;

namespace MathForML.Tests.Numerics;

/// <summary>
/// The spinning pair: part 0 on the caller, part 1 on the one helper thread, both done when <see cref="SpinningPair.Run"/>
/// returns; one holder at a time; a failure in either part reaches the caller and leaves the pair usable.
/// </summary>
public class SpinningPairTests
{
    [Fact]
    public async Task RunsPartZeroHereAndPartOneOnTheHelperEveryTime()
    {
        var pair = await EnterAsync();
        try
        {
            var work = new Recording();
            int caller = Environment.CurrentManagedThreadId;
            int? helper = null;
            for (int i = 0; i < 10_000; i++)
            {
                work.Reset();
                pair.Run(work);
                Assert.Equal(caller, work.Threads[0]);
                Assert.NotEqual(caller, work.Threads[1]);
                helper ??= work.Threads[1];
                Assert.Equal(helper, work.Threads[1]);
                Assert.Equal(2, work.Done);
            }
        }
        finally
        {
            pair.Exit();
        }
    }

    [Fact]
    public async Task OneHolderAtATime()
    {
        var pair = await EnterAsync();
        try
        {
            Assert.Null(SpinningPair.TryEnter());
        }
        finally
        {
            pair.Exit();
        }

        var again = await EnterAsync();
        again.Exit();
    }

    [Fact]
    public async Task AFailureInEitherPartReachesTheCallerAndThePairStaysUsable()
    {
        var pair = await EnterAsync();
        try
        {
            var failing = new Failing { Part = 1 };
            var error = Assert.Throws<InvalidOperationException>(() => pair.Run(failing));
            Assert.Equal("part 1", error.Message);
            Assert.True(failing.OtherPartRan);

            failing = new Failing { Part = 0 };
            Assert.Equal("part 0", Assert.Throws<InvalidOperationException>(() => pair.Run(failing)).Message);
            Assert.True(failing.OtherPartRan);

            var work = new Recording();
            pair.Run(work);
            Assert.Equal(2, work.Done);
        }
        finally
        {
            pair.Exit();
        }
    }

    /// <summary>The pair, waiting while another test (or a reduction running in the suite) holds it.</summary>
    private static async Task<SpinningPair> EnterAsync()
    {
        Assert.True(Environment.ProcessorCount >= 2, "the suite runs on at least two cores");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (SpinningPair.TryEnter() is { } pair) return pair;
            Assert.True(DateTime.UtcNow < deadline, "the spinning pair stayed held for 30 s");
            await Task.Delay(1);
        }
    }

    private sealed class Recording : IPairWork
    {
        private int _done;

        public int[] Threads { get; } = new int[2];

        public int Done => Volatile.Read(ref _done);

        public void Reset()
        {
            Array.Clear(Threads);
            _done = 0;
        }

        public void Run(int part)
        {
            Threads[part] = Environment.CurrentManagedThreadId;
            Thread.SpinWait(50);
            Interlocked.Increment(ref _done);
        }
    }

    private sealed class Failing : IPairWork
    {
        private volatile bool _otherPartRan;

        public int Part { get; init; }

        public bool OtherPartRan => _otherPartRan;

        public void Run(int part)
        {
            if (part == Part) throw new InvalidOperationException($"part {part}");
            Thread.SpinWait(1000);
            _otherPartRan = true;
        }
    }
}
