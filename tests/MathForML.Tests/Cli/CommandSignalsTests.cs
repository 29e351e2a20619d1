using MathForML.Cli;

namespace MathForML.Tests.Cli;

public class CommandSignalsTests
{
    [Fact]
    public void TheFirstSignalIsRecordedBeforeTheTokenIsCancelled()
    {
        using var signals = CommandSignals.Watch();
        int codeSeenByTheCommand = 0;
        // What a command sees when it stops: the code must already be the signal's, never the default.
        using var seen = signals.Token.Register(() => codeSeenByTheCommand = signals.CancelledExitCode);
        Assert.False(signals.Token.IsCancellationRequested);
        Assert.Equal(ExitCodes.Cancelled, signals.CancelledExitCode);

        signals.Raise(ExitCodes.Terminated);

        Assert.True(signals.Token.IsCancellationRequested);
        Assert.True(signals.Signalled.IsCompleted);
        Assert.Equal(ExitCodes.Terminated, codeSeenByTheCommand);
        Assert.Equal(ExitCodes.Terminated, signals.CancelledExitCode);
    }

    [Fact]
    public void ALaterSignalDoesNotChangeTheCode()
    {
        using var signals = CommandSignals.Watch();
        signals.Raise(ExitCodes.Cancelled);
        signals.Raise(ExitCodes.Terminated);
        Assert.Equal(ExitCodes.Cancelled, signals.CancelledExitCode);
    }

    [Fact]
    public void ASignalAfterTheRunnerIsGoneIsHarmless()
    {
        var signals = CommandSignals.Watch();
        signals.Dispose();
        signals.Raise(ExitCodes.Terminated);
        Assert.Equal(ExitCodes.Terminated, signals.CancelledExitCode);
    }
}
