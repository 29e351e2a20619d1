namespace MathForML.Optimization;

/// <summary>The course's game modes (<c>game_mode</c> 0, 1, 2).</summary>
public enum SandpitMode
{
    /// <summary>0: each click shows its depth and the arrow −J.</summary>
    Jacobian,
    /// <summary>1: each click shows its depth only.</summary>
    DepthOnly,
    /// <summary>2: after each click the player's <c>next_step(f, J, H)</c> is taken up to five times.</summary>
    SteepestDescent,
}

/// <summary>How a click (and the steps after it) ended.</summary>
public enum SandpitOutcome
{
    /// <summary>Neither the phone nor a local minimum: try again.</summary>
    Searching,
    /// <summary>Within 0.15 of the phone.</summary>
    FoundPhone,
    /// <summary>Minimising from the point ends within 0.15 of it: a local minimum without the phone.</summary>
    StuckInLocalMinimum,
    /// <summary>A step of steepest-descent mode left the square.</summary>
    LeftSandpit,
}

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
