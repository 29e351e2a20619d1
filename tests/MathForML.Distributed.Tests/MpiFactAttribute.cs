namespace MathForML.Distributed.Tests;

/// <summary>
/// A test that runs <c>mml</c> under OpenMPI's <c>mpirun</c> (<c>apt-get install openmpi-bin</c>; <c>.ci/run</c>
/// installs it). Where no mpirun is found the test is skipped with a message saying so, except where
/// <c>MML_REQUIRE_MPI</c> is set (CI sets it), where a missing mpirun fails the tests instead. The README test's nested
/// run of the suite in a fresh clone (<c>MML_README_CLONE=1</c>) skips them: the outer run has just run them.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MpiFactAttribute : FactAttribute
{
    /// <summary>Skips the test when mpirun is absent and not required.</summary>
    public MpiFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MML_README_CLONE") == "1")
            Skip = "inside the README test's clone: the outer test run runs the MPI tests";
        else if (MpiRun.Launcher is null && Environment.GetEnvironmentVariable("MML_REQUIRE_MPI") is null or "")
            Skip = "no mpirun here: install OpenMPI (apt-get install openmpi-bin) to run the distributed tests";
    }
}
