namespace MathForML.Distributed.Tests;

/// <summary>
/// An in-process stand-in for an MPI job: P members on P threads, exchanging through shared slots between barriers.
/// Each collective is a copy of every member's data, read by all after a barrier, with the same semantics as
/// <see cref="MpiCommunicator"/> (sums in rank order). For fast tests of the distributed algorithms without mpirun.
/// </summary>
internal sealed class ThreadGroup : IDisposable
{
    private readonly Barrier _barrier;
    private readonly Array?[] _slots;

    private ThreadGroup(int size)
    {
        _barrier = new Barrier(size);
        _slots = new Array?[size];
    }

    /// <summary>Runs <paramref name="body"/> as <paramref name="size"/> members; returns each member's result, in rank order.</summary>
    public static T[] Run<T>(int size, Func<ICommunicator, T> body)
    {
        using var group = new ThreadGroup(size);
        var results = new T[size];
        var failures = new Exception?[size];
        var threads = Enumerable.Range(0, size).Select(r => new Thread(() =>
        {
            try
            {
                results[r] = body(new Member(group, r));
            }
            catch (Exception e)
            {
                failures[r] = e;
            }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        var thrown = failures.Where(f => f is not null).Select(f => f!).ToArray();
        if (thrown.Length > 0) throw new AggregateException(thrown);
        return results;
    }

    /// <summary>Runs <paramref name="body"/> as members and returns each member's outcome: its result or its exception.</summary>
    public static (T? Result, Exception? Failure)[] Outcomes<T>(int size, Func<ICommunicator, T> body)
    {
        var outcomes = new (T?, Exception?)[size];
        Run(size, world =>
        {
            try
            {
                outcomes[world.Rank] = (body(world), null);
            }
            catch (Exception e)
            {
                outcomes[world.Rank] = (default, e);
            }

            return 0;
        });
        return outcomes;
    }

    public void Dispose() => _barrier.Dispose();

    private TElement[][] Exchange<TElement>(int rank, ReadOnlySpan<TElement> mine)
    {
        _slots[rank] = mine.ToArray();
        Wait();
        var all = _slots.Select(s => (TElement[])s!).ToArray();
        Wait();
        return all;
    }

    private void Wait()
    {
        if (!_barrier.SignalAndWait(TimeSpan.FromSeconds(30))) throw new TimeoutException("a member did not reach the collective: the algorithm would hang under MPI.");
    }

    private sealed class Member(ThreadGroup group, int rank) : ICommunicator
    {
        public int Rank => rank;

        public int Size => group._slots.Length;

        public void SumInRankOrder(Span<double> values)
        {
            var all = group.Exchange<double>(rank, values);
            for (int i = 0; i < values.Length; i++)
            {
                double s = all[0][i];
                for (int r = 1; r < all.Length; r++) s += all[r][i];
                values[i] = s;
            }
        }

        public void Sum(Span<long> values) => Reduce(values, (a, b) => a + b);

        public void Sum(Span<int> values) => Reduce(values, (a, b) => checked(a + b));

        public void Min(Span<double> values) => Reduce(values, Math.Min);

        public void Max(Span<double> values) => Reduce(values, Math.Max);

        public void Max(Span<long> values) => Reduce(values, Math.Max);

        public void Gather(ReadOnlySpan<double> mine, Span<double> all, ReadOnlySpan<int> counts)
        {
            if (mine.Length != counts[rank]) throw new ArgumentException("count mismatch", nameof(mine));
            var parts = group.Exchange(rank, mine);
            int at = 0;
            foreach (var part in parts)
            {
                part.CopyTo(all[at..]);
                at += part.Length;
            }

            if (at != all.Length) throw new ArgumentException("the parts do not fill the destination", nameof(all));
        }

        public void Broadcast(Span<double> values, int root)
        {
            var all = group.Exchange<double>(rank, values);
            all[root].CopyTo(values);
        }

        public void Barrier() => group.Wait();

        private void Reduce<T>(Span<T> values, Func<T, T, T> op)
        {
            var all = group.Exchange<T>(rank, values);
            for (int i = 0; i < values.Length; i++)
            {
                T s = all[0][i];
                for (int r = 1; r < all.Length; r++) s = op(s, all[r][i]);
                values[i] = s;
            }
        }
    }
}
