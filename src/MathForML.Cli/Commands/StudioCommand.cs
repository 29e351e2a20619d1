using System.CommandLine;
using System.Diagnostics;
using MathForML.Studio;

namespace MathForML.Cli.Commands;

/// <summary>
/// <c>mml studio [--port P] [--no-browser]</c>: serves MathForML Studio (the courses' assignments as interactive pages)
/// on the loopback interface, prints its address, opens the browser unless told not to, and serves until Ctrl-C or
/// SIGTERM, which stop it cleanly (exit 0). A port in use is the user's input: one line, exit 2.
/// </summary>
internal static class StudioCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var port = new Option<int>("--port") { Description = $"The port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => StudioOptions.DefaultPort };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Do not open a browser: only print the address." };
        var cmd = new Command("studio", "Serve MathForML Studio, the courses' assignments as interactive pages, and open it in the browser.") { port, noBrowser };
        port.Validators.Add(r =>
        {
            int p = r.GetValueOrDefault<int>();
            if (p is < 0 or > 65535) r.AddError($"--port {p}: a port is between 0 and 65535.");
        });
        CommandAction.Set(cmd, parse =>
        {
            var ctx = context(parse);
            StudioServer server;
            try
            {
                server = StudioServer.StartAsync(new StudioOptions(parse.GetValue(port)) { HostName = "mml" }, ctx.Cancellation).GetAwaiter().GetResult();
            }
            catch (PortInUseException e)
            {
                throw new UserInputException($"--port: {e.Message}", e);
            }
            try
            {
                var url = server.Url.ToString();
                ctx.Emit(new { url }, () => ctx.Output.WriteLine($"MathForML Studio is at {url} (Ctrl-C stops it)"));
                ctx.Output.Flush();
                if (!parse.GetValue(noBrowser) && !OpenBrowser(url))
                    ctx.Warn($"could not open a browser: open {url} yourself");
                try
                {
                    Task.Delay(Timeout.Infinite, ctx.Cancellation).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C or SIGTERM: the way to stop a server, not a failure.
                }
            }
            finally
            {
                server.DisposeAsync().AsTask().Wait(TimeSpan.FromMilliseconds(500));
            }
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>Opens <paramref name="url"/> in the user's browser (the system's handler for web addresses).</summary>
    private static bool OpenBrowser(string url)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });
            return process is not null || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
