using System.Diagnostics;
using MathForML.Data;

namespace MathForML.Benchmarks;

/// <summary>
/// The `readers FILE… [--rounds 5]` mode: the throughput of the matrix readers on files in the page cache, as a process
/// that reads them repeatedly (the first read, with its JIT and first-touch memory, reported apart): <c>.npy</c> and
/// IDX through <see cref="MatrixFile"/>, text (CSV or whitespace) through <see cref="TextMatrixFile"/>, and for text also
/// the reference text reader (<see cref="StreamReader"/> line by line) to show what the byte reader gains. MB/s are 10⁶
/// bytes of file per second of wall time, median of the rounds. Targets of the end-to-end issue: <c>.npy</c> float64
/// ≥ 2 GB/s, CSV ≥ 200 MB/s.
/// </summary>
internal static class ReadersRun
{
    public static void Execute(string[] files, int rounds, TextWriter output)
    {
        output.WriteLine($"# readers, {Environment.ProcessorCount} cores, medians of {rounds} rounds after the first read");
        output.WriteLine("| file | bytes | reader | first read (ms) | median (ms) | MB/s |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var file in files)
        {
            long bytes = new FileInfo(file).Length;
            Report(output, file, bytes, "MatrixFile.Read", rounds, () => MatrixFile.Read(file, TextMatrixReadOptions.Default).Rows);
            if (Path.GetExtension(file).ToLowerInvariant() is ".csv" or ".txt" or ".tsv" or ".dat")
            {
                Report(output, file, bytes, "text reader (reference)", rounds, () =>
                {
                    using var reader = new StreamReader(file);
                    return TextMatrixFile.Read(reader, file, out _).Rows;
                });
            }
        }
    }

    private static void Report(TextWriter output, string file, long bytes, string reader, int rounds, Func<int> read)
    {
        var clock = Stopwatch.StartNew();
        read();
        double first = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            clock.Restart();
            read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double median = times[times.Count / 2];
        output.WriteLine($"| {Path.GetFileName(file)} | {bytes:N0} | {reader} | {first:F1} | {median:F1} | {bytes / median / 1e3:F0} |");
    }
}
