using MathForML.Distributed.Tests.Graphs;

namespace MathForML.Distributed.Tests;

/// <summary>
/// A rank that fails ends the job on every rank, with one line and a non-zero exit, within 10 s: a bad file on one
/// rank (agreed on by all ranks: exit 2, the failing rank names itself), a missing file on one rank, and a rank killed
/// in the middle of the iteration (the launcher ends the others).
/// </summary>
public sealed class FailureTests
{
    [MpiFact]
    public void A_corrupt_copy_on_one_rank_ends_every_rank_with_one_line()
    {
        using var dir = new TempFolder();
        GraphFiles.WriteRmat(dir.File("good.bin"), 10, 1);
        // The same size, with a negative id in the second half (rank 1's share of the ids to check).
        var bytes = File.ReadAllBytes(dir.File("good.bin"));
        BitConverter.GetBytes(-5).CopyTo(bytes, bytes.Length - 8);
        File.WriteAllBytes(dir.File("bad.bin"), bytes);
        var run = RunPerRank(2, dir, "good.bin", "bad.bin", "");
        Assert.Equal(2, run.Code);
        var line = Assert.Single(Lines(run.Err));
        Assert.StartsWith("mml: error: rank 1: ", line, StringComparison.Ordinal);
        Assert.Contains("a negative node id", line, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"took {run.Elapsed.TotalSeconds:F1} s");
    }

    [MpiFact]
    public void A_file_missing_on_one_of_three_ranks_ends_every_rank_with_one_line()
    {
        using var dir = new TempFolder();
        GraphFiles.WriteRmat(dir.File("good.bin"), 10, 1);
        var run = RunPerRank(3, dir, "good.bin", "absent.bin", "");
        Assert.Equal(2, run.Code);
        var line = Assert.Single(Lines(run.Err));
        Assert.StartsWith("mml: error: rank 1: ", line, StringComparison.Ordinal);
        Assert.Contains("absent.bin", line, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"took {run.Elapsed.TotalSeconds:F1} s");
    }

    [MpiFact]
    public void A_rank_killed_while_training_ends_the_job()
    {
        using var dir = new TempFolder();
        var data = new MathForML.LinearAlgebra.Matrix(64, 3);
        for (int i = 0; i < 64; i++) new double[] { i % 5 * 0.1, i % 7 * 0.2, i % 2 }.CopyTo(data.RowSpan(i));
        MathForML.Data.NpyFile.Write(dir.File("d.npy"), data);
        // A million epochs of 16 steps, each step a collective: both ranks are training when rank 1 is killed.
        const string Args = "nn train --data d.npy --layers 2,4,2 --batch 4 --epochs 1000000 --test-fraction 0";
        string script = $"if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then \"{MpiRun.Dotnet}\" \"{MpiRun.MmlDll}\" {Args} & p=$!; sleep 3; kill -9 $p; wait $p; exit $?; "
            + $"else exec \"{MpiRun.Dotnet}\" \"{MpiRun.MmlDll}\" {Args}; fi";
        var run = MpiRun.Ranks(2, ["sh", "-c", script], dir.Path, TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, run.Code);
        // One line from mml, rank 0's (the shell that ran rank 1 may add its own "Killed"); the job was running, not refused.
        Assert.Equal("mml: stopped: the launcher ended the job (SIGTERM: a rank failed or was killed, or the job was cancelled)",
            Assert.Single(Lines(run.Err), l => l.StartsWith("mml:", StringComparison.Ordinal)));
        Assert.True(run.Elapsed > TimeSpan.FromSeconds(3), $"the job ended before the kill ({run.Elapsed.TotalSeconds:F1} s): {run.Err}");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(3 + 10), $"the job ended {run.Elapsed.TotalSeconds - 3:F1} s after the kill");
    }

    /// <summary>Rank 0 reads <paramref name="first"/>, every other rank <paramref name="others"/>.</summary>
    private static MpiRun.Result RunPerRank(int ranks, TempFolder dir, string first, string others, string extra)
    {
        string mml = $"\"{MpiRun.Dotnet}\" \"{MpiRun.MmlDll}\" pagerank {extra} --edges";
        string script = $"if [ \"$OMPI_COMM_WORLD_RANK\" = 0 ]; then exec {mml} {first}; else exec {mml} {others}; fi";
        return MpiRun.Ranks(ranks, ["sh", "-c", script], dir.Path, TimeSpan.FromSeconds(60));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
