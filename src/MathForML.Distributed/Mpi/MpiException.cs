namespace MathForML.Distributed.Mpi;

/// <summary>An MPI call returned an error (only under an error handler that returns; the default aborts the job).</summary>
public sealed class MpiException : Exception
{
    /// <summary>Creates the exception for MPI error <paramref name="errorCode"/>.</summary>
    public MpiException(string message, int errorCode) : base(message) => ErrorCode = errorCode;

    /// <summary>Creates the exception.</summary>
    public MpiException() : this("An MPI call failed.", -1) { }

    /// <summary>Creates the exception.</summary>
    public MpiException(string message) : this(message, -1) { }

    /// <summary>Creates the exception.</summary>
    public MpiException(string message, Exception innerException) : base(message, innerException) => ErrorCode = -1;

    /// <summary>The MPI error code.</summary>
    public int ErrorCode { get; }
}
