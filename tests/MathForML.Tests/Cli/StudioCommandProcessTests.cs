using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MathForML.Tests.Cli;

/// <summary>
/// <c>mml studio</c> as a user runs it (issue 19): it starts, prints its address, serves the pages and Blazor's script
/// from the app itself, and stops cleanly on Ctrl-C (exit 0 within a second, nothing on stderr); a busy port is one
/// line and exit 2.
/// </summary>
public class StudioCommandProcessTests
{
    [Fact]
    public async Task ServesItsPagesAndStopsOnSigintWithExit0WithinASecond()
    {
        using var process = Start("--port", "0", "--no-browser");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^MathForML Studio is at (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops it\)$");
            Assert.True(match.Success, $"unexpected first line: {line}");
            var url = new Uri(match.Groups[1].Value);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            var home = await http.GetStringAsync(url);
            Assert.Contains("MathForML Studio", home, StringComparison.Ordinal);
            // The script and the style the page names (with their content fingerprints) come from the app itself.
            var assets = System.Text.RegularExpressions.Regex.Matches(home, "(?:src|href)=\"(_framework/blazor\\.web[^\"]*\\.js|_content/MathForML\\.Studio/studio[^\"]*\\.css)\"")
                .Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(2, assets.Length);
            foreach (var asset in assets)
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(url, asset))).StatusCode);
            Assert.Contains("PageRank", await http.GetStringAsync(new Uri(url, "pagerank")), StringComparison.Ordinal);

            var signalled = Stopwatch.StartNew();
            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
                kill.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(5)), "mml studio did not stop within 5 s of SIGINT");
            var took = signalled.Elapsed;
            process.WaitForExit();
            Assert.True(took < TimeSpan.FromSeconds(1), $"mml studio took {took.TotalSeconds:F2} s to stop");
            Assert.Equal(0, process.ExitCode);
            lock (stderr) Assert.Equal("", stderr.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void ABusyPortIsOneLineAndExit2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var (code, stdout, stderr) = MmlProcess.Run(Path.GetTempPath(), ["studio", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-browser"]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"mml: error: --port: port {port} is in use by another program (choose another with --port)", Assert.Single(lines));
    }

    [Fact]
    public void APortOutOfRangeIsExit2()
    {
        var (code, _, stderr) = MmlProcess.Run(Path.GetTempPath(), ["studio", "--port", "70000", "--no-browser"]);
        Assert.Equal(2, code);
        Assert.Contains("--port 70000", stderr, StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(ProcessRunner.Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(MmlProcess.DllPath);
        start.ArgumentList.Add("studio");
        foreach (var a in args) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }
}
