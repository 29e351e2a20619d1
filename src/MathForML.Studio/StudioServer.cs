using System.Net.Sockets;
using MathForML.Studio.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MathForML.Studio;

/// <summary>
/// The Studio as a running web server on the loopback interface: interactive server-side Blazor, every script and
/// style served by the app itself (no CDN), nothing written to disk (keys for the antiforgery tokens live in memory).
/// </summary>
public sealed class StudioServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StudioServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address the Studio serves, e.g. <c>http://127.0.0.1:5179/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Builds the Studio and starts listening.</summary>
    /// <exception cref="PortInUseException">The port is taken.</exception>
    public static async Task<StudioServer> StartAsync(StudioOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The static assets (the Studio's style, Blazor's script) sit beside the program, wherever it is run from.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            ApplicationName = options.HostName ?? System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name,
        });
        // A build (not a publish) finds the assets through the static web assets manifest, as `dotnet run` does.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        // Only a page's failures (an exception its event handler or render threw, logged by Blazor's circuit), one line
        // each on stderr: the Studio is a local tool, not a service with a log. The host's own errors (a busy port) are
        // reported by the caller as one line of its own.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(c => c.LogToStandardErrorThreshold = LogLevel.Error);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Error
            && category?.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) == true);
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromMilliseconds(300));
        // It listens on the loopback address only, so a page's failure may show its details in that page's browser console.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(c => c.DetailedErrors = true);
        builder.Services.AddSingleton<CourseData>();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AddressInUseException || e.InnerException is AddressInUseException
                                  || e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new PortInUseException(options.Port, e);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StudioServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops serving: open pages lose their connection.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
