using System.Diagnostics;
using System.Text;
using MathForML.Data;

namespace MathForML.Tests.Cli;

/// <summary>
/// Ctrl-C on long runs of the real <c>mml</c> process (DESIGN.md, CLI contract): SIGINT once the work is under way must
/// end the process within 1 s with exit 130, exactly one stderr line <c>mml: cancelled</c>, nothing on stdout, and no
/// file in the output folder (outputs are written at the end, atomically).
/// </summary>
public class CancellationProcessTests
{
    private static readonly TimeSpan Working = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public void PageRankStopsOnSigint()
    {
        using var dir = new TempDirectory();
        var outDir = Directory.CreateDirectory(dir.File("out")).FullName;
        AssertCancels(dir.Path, outDir, EndlessPageRank(dir, outDir));
    }

    [Fact]
    public void PcaStopsOnSigint()
    {
        using var dir = new TempDirectory();
        var outDir = Directory.CreateDirectory(dir.File("out")).FullName;
        // 3000 × 2500: the scatter matrix and its eigendecomposition take seconds; the token is checked every panel and every 32 columns.
        const int n = 3000, d = 2500;
        var data = new double[n * d];
        for (int i = 0; i < data.Length; i++) data[i] = Math.Sin(i * 0.618) + (i % d) * 1e-3;
        string npy = dir.File("big.npy");
        NpyFile.Write(npy, data, [n, d]);
        AssertCancels(dir.Path, outDir, ["pca", "--data", npy, "--solver", "covariance", "--components", "5", "--plots", outDir]);
    }

    [Fact]
    public async Task CtrlCDuringAProgressBarGivesTheCursorBack()
    {
        // A real terminal (util-linux `script` gives mml a pseudo-terminal, so the progress bar is drawn and hides the
        // cursor) and a real Ctrl-C (the byte 0x03 typed into it: the terminal sends SIGINT). The last escape sequence
        // about the cursor must show it again, and the cancellation keeps its contract.
        const string script = "/usr/bin/script";   // Debian's bsdutils, an essential package: on every Debian system
        Assert.True(File.Exists(script), "util-linux's script is needed for a pseudo-terminal");
        using var dir = new TempDirectory();
        string command = $"'{ProcessRunner.Dotnet}' '{ProcessRunner.Mml}' pagerank --rmat 21 --max-iter 100000 --tol 1e-300";
        var start = new ProcessStartInfo(script, ["-qefc", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir.Path,
        };
        start.Environment["MML_DEBUG"] = null;
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var deadline = Stopwatch.StartNew();
        while (Encoding.UTF8.GetString(output.ToArray()).IndexOf("\u001b[?25l", StringComparison.Ordinal) < 0 && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
        await Task.Delay(500);
        var watch = Stopwatch.StartNew();
        process.StandardInput.Write('\u0003');
        process.StandardInput.Flush();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "mml did not stop after Ctrl-C");
        var elapsed = watch.Elapsed;
        await copy.WaitAsync(TimeSpan.FromSeconds(5));
        string text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(130, process.ExitCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"{elapsed}");
        int hidden = text.LastIndexOf("\u001b[?25l", StringComparison.Ordinal), shown = text.LastIndexOf("\u001b[?25h", StringComparison.Ordinal);
        Assert.True(hidden >= 0, "no progress bar was drawn");
        Assert.True(shown > hidden, "the cursor was left hidden");
        Assert.EndsWith("mml: cancelled\r\n", text);
    }

    [Fact]
    public void PageRankStopsOnSigtermWithExit143()
    {
        using var dir = new TempDirectory();
        var outDir = Directory.CreateDirectory(dir.File("out")).FullName;
        AssertCancels(dir.Path, outDir, EndlessPageRank(dir, outDir), signal: "TERM", exitCode: 143);
    }

    /// <summary>
    /// A PageRank run that never converges: a ring with all the rank on one node and no damping, so the rank walks round
    /// the ring for ever (change 2 each step); it would write its ranks into <paramref name="outDir"/>.
    /// </summary>
    private static string[] EndlessPageRank(TempDirectory dir, string outDir)
    {
        const int n = 50_000;
        string edges = dir.Write("ring.txt", string.Concat(Enumerable.Range(0, n).Select(i => $"{i} {(i + 1) % n}\n")));
        string start = dir.Write("start.txt", "1\n" + string.Concat(Enumerable.Repeat("0\n", n - 1)));
        return ["pagerank", "--edges", edges, "--damping", "1", "--personalization", start, "--max-iter", "100000000",
            "--out", Path.Combine(outDir, "ranks.csv"), "--json"];
    }

    [Fact]
    public void CourseNetworkTrainingStopsOnSigint()
    {
        using var dir = new TempDirectory();
        var outDir = Directory.CreateDirectory(dir.File("out")).FullName;
        AssertCancels(dir.Path, outDir, ["nn", "train", "--data", "curve", "--iterations", "100000000", "--plot", outDir]);
    }

    private static void AssertCancels(string workingDirectory, string outDir, string[] args, string signal = "INT", int exitCode = 130)
    {
        Assert.True(File.Exists(MmlProcess.DllPath), $"the built CLI is missing: {MmlProcess.DllPath}");
        var start = new ProcessStartInfo(ProcessRunner.Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(MmlProcess.DllPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_TieredCompilation"] = "1";
        start.Environment.Remove("MML_DEBUG");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.False(process.WaitForExit(Working), $"mml ended before it was interrupted (exit {SafeExitCode(process)}): {stderr}");
            var signalled = Stopwatch.StartNew();
            Interrupt(process.Id, signal);
            bool ended = process.WaitForExit(TimeSpan.FromSeconds(5));
            var took = signalled.Elapsed;
            Assert.True(ended, $"mml did not stop within 5 s of SIG{signal}");
            process.WaitForExit();   // drains the output readers
            Assert.True(took < Limit, $"mml took {took.TotalSeconds:F2} s to stop after SIG{signal}");
            Assert.Equal(exitCode, process.ExitCode);
            Assert.Equal(["mml: cancelled"], stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal("", stdout.ToString());
            Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static int? SafeExitCode(Process p) => p.HasExited ? p.ExitCode : null;

    /// <summary>Sends SIGINT (as Ctrl-C in a terminal does) or another signal through kill(1).</summary>
    private static void Interrupt(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
