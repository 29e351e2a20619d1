namespace MathForML.Tests;

/// <summary>The repository the tests run from: the first folder above the test assembly holding <c>MathForML.slnx</c>.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path inside the repository.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "MathForML.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MathForML.slnx not found above the test folder.");
    }
}
