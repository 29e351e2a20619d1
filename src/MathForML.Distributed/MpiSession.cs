using MathForML.Distributed.Mpi;

namespace MathForML.Distributed;

/// <summary>
/// The MPI environment of a process started by <c>mpirun</c> (or <c>srun</c> with OpenMPI's PMIx): initialised by
/// <see cref="Start"/>, finalised by <see cref="Dispose"/>. A process not started by a launcher never loads libmpi.
/// </summary>
public sealed unsafe class MpiSession : IDisposable
{
    private bool _disposed;

    private MpiSession(MpiCommunicator world) => World = world;

    /// <summary>All the processes of the job (MPI_COMM_WORLD).</summary>
    public MpiCommunicator World { get; }

    /// <summary>
    /// True when this process was started by an MPI launcher: OpenMPI's <c>mpirun</c> sets
    /// <c>OMPI_COMM_WORLD_SIZE</c>, Slurm's <c>srun --mpi=pmix</c> sets <c>PMIX_RANK</c>.
    /// </summary>
    public static bool IsLaunched => Launched(Environment.GetEnvironmentVariable);

    /// <summary><see cref="IsLaunched"/> over the given environment (for tests).</summary>
    internal static bool Launched(Func<string, string?> environment) =>
        !string.IsNullOrEmpty(environment("OMPI_COMM_WORLD_SIZE")) || !string.IsNullOrEmpty(environment("PMIX_RANK"));

    /// <summary>Initialises MPI (MPI_Init_thread, MPI_THREAD_SERIALIZED) and returns the session.</summary>
    /// <exception cref="DllNotFoundException">OpenMPI is not installed.</exception>
    /// <exception cref="MpiException">MPI could not be initialised, or not with calls from more than one thread.</exception>
    public static MpiSession Start()
    {
        int initialized;
        MpiNative.Check(MpiNative.Initialized(&initialized), "MPI_Initialized");
        if (initialized != 0) throw new InvalidOperationException("MPI is already initialised in this process.");
        int provided;
        MpiNative.Check(MpiNative.InitThread(null, 0, MpiNative.ThreadSerialized, &provided), "MPI_Init_thread");
        if (provided < MpiNative.ThreadSerialized)
            throw new MpiException($"the MPI library gives thread level {provided}, below MPI_THREAD_SERIALIZED ({MpiNative.ThreadSerialized}).", -1);
        return new MpiSession(new MpiCommunicator(MpiNative.CommWorld));
    }

    /// <summary>Finalises MPI (MPI_Finalize), once.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        int finalized;
        if (MpiNative.Finalized(&finalized) == MpiNative.Success && finalized == 0) MpiNative.Finalize();
    }
}
