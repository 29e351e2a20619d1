namespace MathForML.Optimization;

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
