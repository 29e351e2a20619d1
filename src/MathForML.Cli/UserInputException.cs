namespace MathForML.Cli;

/// <summary>A problem with what the user asked for that the CLI detects itself (an option out of range, a missing option).</summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(string message) : base(message) { }

    public UserInputException() { }

    public UserInputException(string message, Exception innerException) : base(message, innerException) { }
}
