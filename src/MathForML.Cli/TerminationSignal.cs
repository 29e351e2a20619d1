using System.Runtime.InteropServices;

namespace MathForML.Cli;

/// <summary>
/// Remembers whether SIGTERM arrived, so that a command cancelled by it exits 143 (128 + 15) and one cancelled by
/// Ctrl-C (SIGINT) exits 130. System.CommandLine turns both signals into the same cancellation; this registration only
/// watches (it does not cancel the default handling itself, which System.CommandLine's own handler does).
/// </summary>
internal static class TerminationSignal
{
    private static int _received;

    /// <summary>True once SIGTERM has been received by this process.</summary>
    public static bool Received => Volatile.Read(ref _received) != 0;

    /// <summary>The exit code of a cancelled command: 143 after SIGTERM, else 130.</summary>
    public static int CancelledExitCode => Received ? ExitCodes.Terminated : ExitCodes.Cancelled;

    /// <summary>Watches for SIGTERM until disposed (nothing on platforms without POSIX signals).</summary>
    public static IDisposable? Watch()
    {
        if (OperatingSystem.IsWindows()) return null;
        return PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Volatile.Write(ref _received, 1));
    }
}
