using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MathForML.Tests.Data;

/// <summary>
/// A plain-HTTP server on 127.0.0.1 (a free port) for download tests: serves the files given under <c>/good/</c>,
/// answers 404 under <c>/missing/</c> and 500 under <c>/broken/</c>, waits 5 s before any answer under <c>/slow/</c>,
/// and counts the requests for each path.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly Task _loop;

    public LoopbackFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var (name, bytes) in files) _files[name] = bytes;
        (_listener, Port) = Listen();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The mirror that serves the files.</summary>
    public Uri Good => new($"http://127.0.0.1:{Port}/good/");

    /// <summary>A mirror that answers 404 Not Found.</summary>
    public Uri Missing => new($"http://127.0.0.1:{Port}/missing/");

    /// <summary>A mirror that answers 500 Internal Server Error.</summary>
    public Uri Broken => new($"http://127.0.0.1:{Port}/broken/");

    /// <summary>A mirror that takes 5 s to answer (404).</summary>
    public Uri Slow => new($"http://127.0.0.1:{Port}/slow/");

    /// <summary>Requests per path (such as <c>/good/t10k-labels-idx1-ubyte.gz</c>).</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    /// <summary>Replaces what <c>/good/NAME</c> serves.</summary>
    public void Serve(string name, byte[] bytes) => _files[name] = bytes;

    /// <summary>
    /// A started listener on a free loopback port. A port found free can be taken by another process before the listener
    /// binds it (the README test runs a second test suite beside this one, whose servers probe ports at the same time:
    /// it failed so once), so a bind that fails is tried again on another port, up to ten times.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (Exception e) when ((e is HttpListenerException or SocketException) && attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback port nothing listens on (taken and released at once).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        var response = context.Response;
        try
        {
            if (path.StartsWith("/slow/", StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromSeconds(5));
            if (path.StartsWith("/good/", StringComparison.Ordinal) && _files.TryGetValue(path["/good/".Length..], out var bytes))
            {
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = path.StartsWith("/broken/", StringComparison.Ordinal) ? 500 : 404;
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (a cancelled download) or the server stopped: nothing to answer.
        }
    }

    public void Dispose()
    {
        // Close alone: the managed HttpListener removes its prefixes in Stop and again in Close, and the second removal
        // binds the port anew to find its endpoint, which fails ("Address already in use") when another test has
        // taken the freed port in between.
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); }
        catch (AggregateException) { }
    }
}
