namespace MathForML.Studio.Tests;

/// <summary>
/// A test that needs a real browser: Debian's Chromium (<c>apt-get install chromium</c>; <c>.ci/run</c> installs it).
/// Where no Chromium is found the test is skipped with a message saying so, except where <c>MML_REQUIRE_BROWSER</c>
/// is set (CI sets it), where a missing browser fails the tests instead. The README test's nested run of the suite in a
/// fresh clone (<c>MML_README_CLONE=1</c>) skips them: the outer run has just run them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Skips the test when no browser is installed and none is required.</summary>
    public BrowserFactAttribute()
    {
        // The README test's run of the suite in a fresh clone: the outer run drives the browser, the clone only builds.
        if (Environment.GetEnvironmentVariable("MML_README_CLONE") == "1")
            Skip = "inside the README test's clone: the outer test run drives the browser";
        else if (Chromium.Path is null && Environment.GetEnvironmentVariable("MML_REQUIRE_BROWSER") is null or "")
            Skip = "no Chromium here: install Debian's chromium package (apt-get install chromium) or set MML_CHROMIUM to a Chromium binary";
    }
}

/// <summary>Where the Chromium binary is: <c>MML_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
internal static class Chromium
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("MML_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }
}
