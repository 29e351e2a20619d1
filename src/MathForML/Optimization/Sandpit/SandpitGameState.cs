namespace MathForML.Optimization;

/// <summary>Where a game stands.</summary>
public enum SandpitGameState
{
    /// <summary>Still looking.</summary>
    Playing,
    /// <summary>The phone was found within the guesses.</summary>
    Won,
    /// <summary>More than 25 guesses without the phone: the sandpit is revealed.</summary>
    Lost,
}
