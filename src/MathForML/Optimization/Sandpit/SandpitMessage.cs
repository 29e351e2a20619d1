namespace MathForML.Optimization;

/// <summary>What the course tells the player after a click, besides the outcome.</summary>
public enum SandpitMessage
{
    /// <summary>Nothing.</summary>
    None,
    /// <summary>At guess 22: "Hurry up! The supervisor has calls to make."</summary>
    HurryUp,
    /// <summary>At guess 26: "Try again. You've taken too many tries to find the phone."</summary>
    TooManyGuesses,
}
