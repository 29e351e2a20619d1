namespace MathForML.Studio;

/// <summary>The port the Studio was asked to listen on is taken by another program.</summary>
public sealed class PortInUseException : Exception
{
    /// <summary>Creates the exception for <paramref name="port"/>.</summary>
    public PortInUseException(int port, Exception inner)
        : base($"port {port} is in use by another program (choose another with --port)", inner) => Port = port;

    /// <summary>Creates the exception with a message.</summary>
    public PortInUseException() : base("the port is in use by another program") { }

    /// <summary>Creates the exception with a message.</summary>
    public PortInUseException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PortInUseException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The port that was asked for.</summary>
    public int Port { get; }
}
