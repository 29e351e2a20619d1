namespace MathForML.Studio;

/// <summary>Where the Studio listens, and which program hosts it.</summary>
/// <param name="Port">The TCP port on the loopback interface; 0 asks the system for a free one.</param>
public sealed record StudioOptions(int Port = StudioOptions.DefaultPort)
{
    /// <summary>
    /// The name of the program that hosts the Studio (an ASP.NET Core web project: <c>mml</c>, or the browser tests):
    /// its static web assets manifest, <c>NAME.staticwebassets.endpoints.json</c> beside it, lists the Studio's style
    /// and Blazor's script. Null means the entry assembly.
    /// </summary>
    public string? HostName { get; init; }

    /// <summary>The port <c>mml studio</c> uses when none is given.</summary>
    public const int DefaultPort = 5179;
}
