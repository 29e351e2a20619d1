namespace MathForML.Distributed.Mpi;

/// <summary>
/// The MPI calls MathForML uses, as unmanaged function pointers into <see cref="MpiLibrary"/>, and the predefined
/// handles they take. Signatures as in the MPI 3.1 standard's C bindings; every call returns an MPI error code
/// (<see cref="Success"/> is 0), but under the default error handler (<c>MPI_ERRORS_ARE_FATAL</c>) a failing call
/// aborts the job instead of returning.
/// </summary>
internal static unsafe class MpiNative
{
    /// <summary>MPI_SUCCESS.</summary>
    public const int Success = 0;

    /// <summary>MPI_THREAD_SERIALIZED: any thread may call MPI, one at a time (the enum's third value in OpenMPI's mpi.h).</summary>
    public const int ThreadSerialized = 2;

    /// <summary>MPI_IN_PLACE in OpenMPI: <c>(void*)1</c>.</summary>
    public static readonly nint InPlace = 1;

    /// <summary>MPI_MAX_ERROR_STRING in OpenMPI.</summary>
    public const int MaxErrorString = 256;

    public static readonly delegate* unmanaged<int*, nint, int, int*, int> InitThread = (delegate* unmanaged<int*, nint, int, int*, int>)MpiLibrary.Symbol("MPI_Init_thread");
    public static readonly delegate* unmanaged<int*, int> Initialized = (delegate* unmanaged<int*, int>)MpiLibrary.Symbol("MPI_Initialized");
    public static readonly delegate* unmanaged<int*, int> Finalized = (delegate* unmanaged<int*, int>)MpiLibrary.Symbol("MPI_Finalized");
    public static readonly delegate* unmanaged<int> Finalize = (delegate* unmanaged<int>)MpiLibrary.Symbol("MPI_Finalize");
    public static readonly delegate* unmanaged<nint, int, int> Abort = (delegate* unmanaged<nint, int, int>)MpiLibrary.Symbol("MPI_Abort");
    public static readonly delegate* unmanaged<nint, int*, int> CommRank = (delegate* unmanaged<nint, int*, int>)MpiLibrary.Symbol("MPI_Comm_rank");
    public static readonly delegate* unmanaged<nint, int*, int> CommSize = (delegate* unmanaged<nint, int*, int>)MpiLibrary.Symbol("MPI_Comm_size");
    public static readonly delegate* unmanaged<nint, int> Barrier = (delegate* unmanaged<nint, int>)MpiLibrary.Symbol("MPI_Barrier");

    /// <summary>MPI_Bcast(buffer, count, datatype, root, comm).</summary>
    public static readonly delegate* unmanaged<void*, int, nint, int, nint, int> Bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)MpiLibrary.Symbol("MPI_Bcast");

    /// <summary>MPI_Allreduce(sendbuf, recvbuf, count, datatype, op, comm).</summary>
    public static readonly delegate* unmanaged<void*, void*, int, nint, nint, nint, int> Allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)MpiLibrary.Symbol("MPI_Allreduce");

    /// <summary>MPI_Allgatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, comm).</summary>
    public static readonly delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int> Allgatherv = (delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int>)MpiLibrary.Symbol("MPI_Allgatherv");

    /// <summary>MPI_Error_string(errorcode, string, resultlen).</summary>
    public static readonly delegate* unmanaged<int, byte*, int*, int> ErrorString = (delegate* unmanaged<int, byte*, int*, int>)MpiLibrary.Symbol("MPI_Error_string");

    /// <summary>MPI_COMM_WORLD.</summary>
    public static readonly nint CommWorld = MpiLibrary.Symbol("ompi_mpi_comm_world");

    /// <summary>MPI_DOUBLE, MPI_FLOAT, MPI_INT, MPI_LONG (int64 on LP64 Linux).</summary>
    public static readonly nint Double = MpiLibrary.Symbol("ompi_mpi_double"), Float = MpiLibrary.Symbol("ompi_mpi_float"),
        Int = MpiLibrary.Symbol("ompi_mpi_int"), Long = MpiLibrary.Symbol("ompi_mpi_long");

    /// <summary>MPI_SUM, MPI_MIN, MPI_MAX.</summary>
    public static readonly nint Sum = MpiLibrary.Symbol("ompi_mpi_op_sum"), Min = MpiLibrary.Symbol("ompi_mpi_op_min"), Max = MpiLibrary.Symbol("ompi_mpi_op_max");

    /// <summary>Throws <see cref="MpiException"/> when <paramref name="code"/> is not <see cref="Success"/>.</summary>
    public static void Check(int code, string call)
    {
        if (code == Success) return;
        var text = stackalloc byte[MaxErrorString];
        int length = 0;
        string message = ErrorString(code, text, &length) == Success ? System.Text.Encoding.UTF8.GetString(text, length) : $"error {code}";
        throw new MpiException($"{call} failed: {message}.", code);
    }
}
