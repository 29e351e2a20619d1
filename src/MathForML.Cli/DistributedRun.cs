using System.Text;
using MathForML.Distributed;
using MathForML.Distributed.Mpi;
using Microsoft.Win32.SafeHandles;

namespace MathForML.Cli;

/// <summary>
/// mml as one rank of a job started by <c>mpirun -np P mml …</c>: MPI is initialised, the command runs on every rank
/// (those that can split their work — <c>pagerank --edges</c>, <c>pca</c> — do; see <see cref="CliContext.World"/>),
/// and only rank 0 prints and writes files.
/// </summary>
/// <remarks>
/// Failures: a step that may fail on one rank only (reading its part of a file) is agreed on by all ranks
/// (<see cref="Agreement"/>): the lowest failing rank prints one line naming itself, and every rank exits with its code.
/// Any other failure once the ranks have started talking (a bug) ends the whole job with MPI_Abort, since the others may
/// be waiting for this rank in a collective; a rank that is killed is ended by the launcher. Failures before any
/// communication (bad flags) are the same on every rank: rank 0 prints them. stdout and stderr are written through
/// their file descriptors: mpirun gives each rank a pseudo-terminal as stdout, on which .NET's console would write
/// terminal set-up sequences into the JSON.
/// </remarks>
internal static class DistributedRun
{
    public static int Run(string[] args)
    {
        // The pseudo-terminal mpirun puts on stdout relays to a pipe or a file as often as to a terminal: no terminal
        // capabilities (.NET would write its keypad set-up sequence there as soon as Spectre asks for the console's width).
        Environment.SetEnvironmentVariable("TERM", "dumb");
        var output = Writer(1);
        var error = Writer(2);
        MpiSession session;
        try
        {
            session = MpiSession.Start();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MpiException)
        {
            error.WriteLine($"mml: error: {e.Message}");
            return ExitCodes.BadInput;
        }

        Agreement.ExitCodeOf = ErrorReporter.ExitCodeOf;
        var world = session.World;
        var rank = new Rank(world, error);
        bool first = world.Rank == 0;
        int code = CliApp.Run(args, first ? output : TextWriter.Null, first ? error : TextWriter.Null, false, extend: null, rank);
        output.Flush();
        error.Flush();
        if (rank.MustAbort) world.Abort(code);
        session.Dispose();
        return code;
    }

    /// <summary>A writer on file descriptor <paramref name="fd"/> (UTF-8, flushed at every write), bypassing .NET's console.</summary>
    private static StreamWriter Writer(int fd) =>
        new(new FileStream(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, 1), new UTF8Encoding(false)) { AutoFlush = true };

    /// <summary>This process's place in the job, and how it reports a failure.</summary>
    internal sealed class Rank(MpiCommunicator world, TextWriter ownError)
    {
        /// <summary>The job's ranks.</summary>
        public ICommunicator World => world;

        /// <summary>The failure was not agreed on by the ranks after they had started talking: the job must be aborted.</summary>
        public bool MustAbort { get; private set; }

        /// <summary>The line rank 0 prints when the job is stopped by a signal (the other ranks stay silent).</summary>
        public const string StoppedLine = "mml: stopped: the launcher ended the job (SIGTERM: a rank failed or was killed, or the job was cancelled)";

        /// <summary>
        /// A signal stopped this rank: Ctrl-C reaches every rank through mpirun (130, <c>mml: cancelled</c>); SIGTERM is
        /// how mpirun ends the ranks left when one has failed or been killed (143, <see cref="StoppedLine"/>). Either way
        /// mpirun ends the job itself, so rank 0 alone says so and nothing is aborted.
        /// </summary>
        public int Cancelled(TextWriter error, int exitCode)
        {
            if (exitCode != ExitCodes.Terminated || world.Size == 1) return ErrorReporter.Cancelled(error, exitCode);
            error.WriteLine(StoppedLine);
            return exitCode;
        }

        /// <summary>Reports <paramref name="e"/> as described in <see cref="DistributedRun"/>; returns the exit code.</summary>
        public int Report(Exception e, TextWriter error, int cancelledExitCode)
        {
            switch (e)
            {
                case PeerRankFailedException peer:
                    return peer.ExitCode;
                case RankFailedException failed:
                    return ErrorReporter.Report(failed.InnerException!, ownError, cancelledExitCode, where: world.Size > 1 && !failed.AllRanks ? $"rank {failed.Rank}: " : "");
                case OperationCanceledException:
                    return Cancelled(error, cancelledExitCode);
                default:
                    MustAbort = world.Size > 1 && world.HasCommunicated;
                    return ErrorReporter.Report(e, MustAbort ? ownError : error, cancelledExitCode, where: MustAbort ? $"rank {world.Rank}: " : "");
            }
        }
    }
}
