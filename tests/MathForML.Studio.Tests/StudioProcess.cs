using System.Diagnostics;
using System.Text.Json;

namespace MathForML.Studio.Tests;

/// <summary>The real <c>mml studio</c> process (<c>--port 0 --no-browser --json</c>), built beside these tests.</summary>
internal sealed class StudioProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private StudioProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The Studio's address.</summary>
    public Uri Url { get; }

    /// <summary>mml.dll beside the test assembly (the tests reference the CLI project).</summary>
    public static string DllPath => System.IO.Path.Combine(AppContext.BaseDirectory, "mml.dll");

    /// <summary>The dotnet host running these tests.</summary>
    public static string Dotnet => Environment.ProcessPath is { } p && System.IO.Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>Starts <c>mml studio</c> and waits (at most 30 s) for it to print its address.</summary>
    public static StudioProcess Start(params string[] extra)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[DllPath, "studio", "--port", "0", "--no-browser", "--json", .. extra])
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        var line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (line is null)
        {
            process.WaitForExit(5000);
            throw new InvalidOperationException($"mml studio printed no address: {process.StandardError.ReadToEnd()}");
        }
        using var json = JsonDocument.Parse(line);
        var studio = new StudioProcess(process, new Uri(json.RootElement.GetProperty("url").GetString()!));
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (studio._stderr) studio._stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return studio;
    }

    /// <summary>What the process wrote on stderr so far.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
