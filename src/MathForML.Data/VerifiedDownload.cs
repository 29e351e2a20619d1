using System.Security.Cryptography;

namespace MathForML.Data;

/// <summary>
/// Downloads a file from a list of mirrors, tried in order: the file is streamed to a temporary name in the cache
/// folder while its SHA-256 is computed, and renamed to its final name only when the digest is the published one, so a
/// corrupt or partial download never becomes a cache entry. Serves the MNIST files and the Olivetti faces.
/// </summary>
internal static class VerifiedDownload
{
    /// <summary>The outcome for one file: the mirror it came from, or null and why each mirror failed.</summary>
    internal readonly record struct Outcome(Uri? Mirror, IReadOnlyList<string> Failures);

    /// <summary>
    /// Fetches <paramref name="file"/> into <paramref name="target"/> from the first mirror that serves it with the right
    /// digest. Transport failures (no connection, HTTP error status, time-out) move on to the next mirror and are listed
    /// in the outcome; a file with the wrong digest is discarded, the next mirror tried, and if none serves the right
    /// file the first <see cref="ChecksumMismatchException"/> is thrown.
    /// </summary>
    /// <param name="http">The client to download with.</param>
    /// <param name="mirrors">Base URLs, tried in order; the file's name is appended.</param>
    /// <param name="file">The file's name, size and digest.</param>
    /// <param name="target">Where the verified file goes (replaced if present).</param>
    /// <param name="timeout">How long one attempt may take, headers and body.</param>
    /// <param name="received">Called with the bytes received so far of the current attempt (from the computing thread).</param>
    /// <param name="cancellationToken">Stops the download; the temporary file is deleted.</param>
    internal static async Task<Outcome> FromMirrorsAsync(HttpClient http, IReadOnlyList<Uri> mirrors, FileChecksum file, string target,
        TimeSpan timeout, Action<long> received, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        ChecksumMismatchException? mismatch = null;
        foreach (var mirror in mirrors)
        {
            var url = new Uri(WithSlash(mirror), file.Name);
            try
            {
                await DownloadOneAsync(http, url, file, target, timeout, received, cancellationToken).ConfigureAwait(false);
                return new Outcome(mirror, failures);
            }
            catch (ChecksumMismatchException e)
            {
                mismatch ??= e;
                failures.Add(e.Message);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failures.Add($"{url}: {Describe(e, timeout)}");
            }
        }

        if (mismatch is not null) throw mismatch;
        return new Outcome(null, failures);
    }

    /// <summary>A base URI ending in '/', so that relative names are appended rather than replacing its last segment.</summary>
    internal static Uri WithSlash(Uri mirror) =>
        mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/");

    private static async Task DownloadOneAsync(HttpClient http, Uri url, FileChecksum file, string target, TimeSpan timeout,
        Action<long> received, CancellationToken cancellationToken)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";
        StaleTempFiles.Remove(target, ".download");   // before the clock starts: the time-out is the download's
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.download");
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long total = 0;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var input = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
                await using (input.ConfigureAwait(false))
                {
                    int n;
                    while ((n = await input.ReadAsync(buffer, limit.Token).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, n);
                        await output.WriteAsync(buffer.AsMemory(0, n), limit.Token).ConfigureAwait(false);
                        total += n;
                        received(total);
                    }
                }

                output.Flush(flushToDisk: true);
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!actual.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ChecksumMismatchException(file.Name, url.ToString(), file.Sha256.ToLowerInvariant(), actual);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static string Describe(Exception e, TimeSpan timeout) => e switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} {status}",
        OperationCanceledException => $"no answer within {timeout.TotalSeconds:0.#} s",
        _ => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message,
    };

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
