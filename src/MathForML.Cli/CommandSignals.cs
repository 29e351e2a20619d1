using System.Runtime.InteropServices;

namespace MathForML.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM while a command runs: the first one records its exit code (130 = 128 + 2, or
/// 143 = 128 + 15), then cancels <see cref="Token"/>, which the command hands to the library, and completes
/// <see cref="Signalled"/>, which starts the runner's grace period. Recording the code before cancelling is the point of
/// owning the handlers: a command that stops at once must still report the signal that stopped it.
/// </summary>
/// <remarks>
/// The process is kept alive (<see cref="PosixSignalContext.Cancel"/>) so the command can stop, clean up its temporary
/// files and print its one line; <see cref="CliApp"/> exits without it after <see cref="CliApp.CancellationGrace"/>.
/// </remarks>
internal sealed class CommandSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;

    private CommandSignals()
    {
    }

    /// <summary>Cancelled when the first SIGINT or SIGTERM arrives.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Completes when the first signal has been recorded and <see cref="Token"/> cancelled.</summary>
    public Task Signalled => _signalled.Task;

    /// <summary>The exit code of a cancelled command: 143 after SIGTERM, else 130 (Ctrl-C, or cancelled otherwise).</summary>
    public int CancelledExitCode => Volatile.Read(ref _exitCode) is var code && code != 0 ? code : ExitCodes.Cancelled;

    /// <summary>Starts watching SIGINT and SIGTERM (where the platform has them) until disposed.</summary>
    public static CommandSignals Watch()
    {
        var signals = new CommandSignals();
        foreach (var (signal, code) in new[] { (PosixSignal.SIGINT, ExitCodes.Cancelled), (PosixSignal.SIGTERM, ExitCodes.Terminated) })
        {
            try
            {
                signals._registrations.Add(PosixSignalRegistration.Create(signal, context => signals.OnSignal(context, code)));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal: nothing to watch.
            }
        }
        return signals;
    }

    /// <summary>Records the code (first signal wins), then cancels; tests call it in place of a real signal.</summary>
    internal void Raise(int exitCode)
    {
        Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command finished and its runner is gone: nothing left to cancel.
        }
        _signalled.TrySetResult();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        context.Cancel = true;
        Raise(exitCode);
    }
}
