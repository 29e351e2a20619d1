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
