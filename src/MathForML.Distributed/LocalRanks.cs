namespace MathForML.Distributed;

/// <summary>How the ranks of a job that share this machine should share its cores.</summary>
public static class LocalRanks
{
    /// <summary>
    /// The ranks of the job on this machine: <c>OMPI_COMM_WORLD_LOCAL_SIZE</c> under OpenMPI's mpirun,
    /// <c>SLURM_NTASKS_PER_NODE</c> under srun; 1 otherwise.
    /// </summary>
    public static int Count => Parse(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_SIZE"))
        ?? Parse(Environment.GetEnvironmentVariable("SLURM_NTASKS_PER_NODE")) ?? 1;

    /// <summary>The threads each rank uses: the cores divided among the local ranks, at least 1.</summary>
    public static int ThreadsPerRank => Math.Max(1, Environment.ProcessorCount / Count);

    private static int? Parse(string? value) => int.TryParse(value, out int n) && n > 0 ? n : null;
}
