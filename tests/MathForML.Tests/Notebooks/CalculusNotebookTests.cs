using System.Diagnostics;

namespace MathForML.Tests.Notebooks;

/// <summary>
/// The Multivariate Calculus notebooks run with <c>dotnet run notebooks/NAME.cs OUTPUT_DIR</c>, print their results and
/// write their figures into OUTPUT_DIR (never into the repository).
/// </summary>
public class CalculusNotebookTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MathForML.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MathForML.slnx not found above the test folder.");
    }

    [Theory]
    [InlineData("Differentiation", "All three derivatives agree.", "")]
    [InlineData("TaylorSeries", "order 4:", "taylor-series.png")]
    [InlineData("NewtonRaphson", "Newton-Raphson: √2 = 1.414213562373", "")]
    [InlineData("GradientDescentSandpit", "Hybrid", "sandpit.png")]
    [InlineData("LinearRegression", "QR least squares: c = ", "linear-regression.png")]
    [InlineData("FittingHeights", "χ² decreased at every step: True", "heights-path.png")]
    public async Task NotebookRuns(string name, string expected, string figure)
    {
        using var work = new TempDirectory();
        var start = new ProcessStartInfo("dotnet", ["run", Path.Combine(RepositoryRoot(), "notebooks", name + ".cs"), "--", work.Path])
        {
            WorkingDirectory = work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        string stdout = await stdoutTask, stderr = await stderrTask;
        Assert.True(process.ExitCode == 0, $"{name} exited {process.ExitCode}: {stdout}{stderr}");
        Assert.Contains(expected, stdout);
        if (figure.Length > 0) Assert.True(new FileInfo(work.File(figure)).Length > 10_000, $"{figure} missing or empty");
    }
}
