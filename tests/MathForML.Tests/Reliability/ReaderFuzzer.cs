using System.Diagnostics;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MathForML.Tests.Reliability;

/// <summary>
/// Runs a file reader on mutated inputs (<see cref="Mutator"/>) and fails on anything but success or the reader's
/// documented exceptions, on an input that takes more than a second (one that hangs for 30 s ends the test run with
/// the input saved), or on one that allocates more than the budget (by default 64 bytes per input byte + 1 MB: readers
/// check declared sizes against the real length before they allocate). A failing input is saved to a temp file, and the message gives the seed and the input's index.
/// </summary>
internal sealed class ReaderFuzzer
{
    public const int DefaultCount = 100_000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);
    private long _started;

    public required string Reader { get; init; }

    public required IReadOnlyList<byte[]> Seeds { get; init; }

    /// <summary>Parses one input; returns normally on success.</summary>
    public required Action<byte[]> Parse { get; init; }

    /// <summary>The exceptions the reader documents (an input it rejects).</summary>
    public required Func<Exception, bool> Documented { get; init; }

    public IReadOnlyList<string>? Tokens { get; init; }

    /// <summary>The mutation seed: fixed so CI is repeatable; MML_FUZZ_SEED overrides it for a deeper local search.</summary>
    public ulong Seed { get; init; } = ulong.TryParse(Environment.GetEnvironmentVariable("MML_FUZZ_SEED"), out var s) ? s : 20261202;

    /// <summary>
    /// Mutated inputs per reader: 100,000, or MML_FUZZ_COUNT when it is set higher. Inside the README's clone-and-run
    /// test (MML_README_CLONE=1) only 5,000: that run checks that the suite runs in a fresh clone, and the outer run
    /// already fuzzes the same code with the full count.
    /// </summary>
    public int Count { get; init; } = Scaled(DefaultCount);

    /// <summary>
    /// <paramref name="count"/> inputs, 5,000 inside the README's clone-and-run test, or MML_FUZZ_COUNT when that is higher.
    /// </summary>
    public static int Scaled(int count) =>
        Environment.GetEnvironmentVariable("MML_README_CLONE") == "1" ? Math.Min(count, 5_000)
        : int.TryParse(Environment.GetEnvironmentVariable("MML_FUZZ_COUNT"), out var n) ? Math.Max(n, count) : count;

    /// <summary>Bytes an input of the given length may allocate while it is parsed.</summary>
    public Func<int, long> AllocationBudget { get; init; } = length => 64L * length + (1 << 20);

    public (int Parsed, int Rejected) Run(ITestOutputHelper log)
    {
        EnsureThreadPoolHeadroom();
        var mutator = new Mutator(Seeds, Seed, Tokens);
        foreach (var (seed, i) in Seeds.Select((s, i) => (s, i))) Check(seed, $"seed file {i}", expectSuccess: true);
        int parsed = 0, rejected = 0;
        var watch = Stopwatch.StartNew();
        byte[] current = [];
        int index = -1;
        // A reader that hangs never returns to the time check in Check: a watchdog saves the input and ends the run.
        using var watchdog = new Timer(_ =>
        {
            if (Volatile.Read(ref index) is int stuck && stuck >= 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref _started)) > HangLimit)
            {
                var file = Save(Volatile.Read(ref current), $"input {stuck}");
                Environment.FailFast($"{Reader}, seed {Seed}, input {stuck}: no answer after {HangLimit.TotalSeconds} s (saved to {file})");
            }
        }, null, HangLimit, HangLimit);
        for (int i = 0; i < Count; i++)
        {
            var input = mutator.Next(i);
            Volatile.Write(ref current, input);
            Volatile.Write(ref index, i);
            if (Check(input, $"input {i}", expectSuccess: false)) parsed++;
            else rejected++;
        }
        Volatile.Write(ref index, -1);
        log.WriteLine($"{Reader}: {Count} mutated inputs (seed {Seed}) in {watch.Elapsed.TotalSeconds:F1} s: {parsed} parsed, {rejected} rejected with documented exceptions");
        return (parsed, rejected);
    }

    /// <summary>Parses one input; true when it parsed, false when it was rejected as documented; throws otherwise.</summary>
    private bool Check(byte[] input, string which, bool expectSuccess)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        Volatile.Write(ref _started, start);
        Exception? error = null;
        try
        {
            Parse(input);
        }
        catch (Exception e)
        {
            error = e;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (error is not null && (expectSuccess || !Documented(error)))
            Fail(input, which, $"{error.GetType().Name}: {error.Message}\n{error.StackTrace}");
        if (elapsed > TimeBudget && Retimed(input) is var again && again > TimeBudget)
            Fail(input, which, $"took {elapsed.TotalSeconds:F2} s and again {again.TotalSeconds:F2} s, more than {TimeBudget.TotalSeconds} s");
        long budget = AllocationBudget(input.Length);
        if (allocated > budget)
            Fail(input, which, $"allocated {allocated} bytes for {input.Length} input bytes, more than the budget {budget} ({(error is null ? "parsed" : error.GetType().Name + ": " + error.Message)})");
        return error is null;
    }

    /// <summary>
    /// Raises the thread pool's minimum to 16 workers for this test process. Parquet.Net 6.1 reads an uncompressed page
    /// through its own stream's inherited <c>Stream.ReadAsync</c>, which runs the read as a task on the thread pool, and
    /// <c>ParquetFile.ReadTable</c> waits for it; while the suite's other tests keep the two-core pool's threads busy,
    /// the pool adds a thread only about every half second, so a 269-byte input's parse waited 1–4 s (measured: 3.95 s
    /// with eight blocked work items, 2 ms with the minimum at 16). Above the minimum nothing waits.
    /// </summary>
    private static void EnsureThreadPoolHeadroom()
    {
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        if (workers < 16) ThreadPool.SetMinThreads(16, completionPorts);
    }

    /// <summary>
    /// Parses an input that went over the time budget once more and returns how long it took: a slow reader is slow
    /// again, while a stall of the test process (the suite runs many processes on two cores; one 269-byte Parquet input
    /// once took 1.21 s in CI; the whole mml process reading it alone takes 0.49 s, start-up included) is not.
    /// </summary>
    private TimeSpan Retimed(byte[] input)
    {
        long start = Stopwatch.GetTimestamp();
        Volatile.Write(ref _started, start);
        try
        {
            Parse(input);
        }
        catch (Exception)
        {
            // Already judged by the first parse.
        }

        return Stopwatch.GetElapsedTime(start);
    }

    private void Fail(byte[] input, string which, string problem)
    {
        var file = Save(input, which);
        throw new XunitException($"{Reader}, seed {Seed}, {which} ({input.Length} bytes, saved to {file}): {problem}");
    }

    private string Save(byte[] input, string which)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mml-fuzz-{Reader}-{Seed}-{which.Replace(' ', '-')}.bin");
        File.WriteAllBytes(file, input);
        return file;
    }
}
