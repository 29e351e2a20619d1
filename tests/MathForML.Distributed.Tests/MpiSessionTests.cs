namespace MathForML.Distributed.Tests;

/// <summary>A process knows it was started by a launcher from the environment the launcher sets; nothing else loads MPI.</summary>
public sealed class MpiSessionTests
{
    [Theory]
    [InlineData("OMPI_COMM_WORLD_SIZE", "2", true)]
    [InlineData("PMIX_RANK", "0", true)]
    [InlineData("OMPI_COMM_WORLD_SIZE", "", false)]
    [InlineData("SOMETHING_ELSE", "1", false)]
    public void Launched_by_mpirun_or_srun(string name, string value, bool launched) =>
        Assert.Equal(launched, MpiSession.Launched(key => key == name ? value : null));

    [Fact]
    public void This_test_process_was_not_launched_by_mpirun() => Assert.False(MpiSession.IsLaunched);
}
