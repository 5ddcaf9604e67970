using System.Runtime.InteropServices;
using Iso.Errors;
using Iso.Native;

namespace Iso.Init;

/// <summary>
/// <c>iso init</c>: PID 1 of every container iso creates. With a command it runs the hooks and
/// the command and exits with the command's status; without one it keeps a persistent container
/// alive, reaping the orphans that <c>iso run --reuse</c> commands leave, until SIGTERM.
/// </summary>
internal static class InitProcess
{
    /// <summary>Where iso bind-mounts its own binary in every container.</summary>
    public const string BinaryPath = "/.iso-bin/iso";

    public static async Task<int> RunAsync(IReadOnlyList<string> words)
    {
        if (LibC.GetPid() != 1 && Environment.ProcessPath != BinaryPath)
        {
            throw new UsageException(
                "iso init is the init process inside iso's containers and is not run by hand; "
                    + "use 'iso run COMMAND' instead");
        }

        var options = InitOptions.Parse(words);

        // Set before the command starts, so that its first prompt already has the right size.
        options.TerminalSize?.Apply(0);
        if (options.Command.Count == 0)
        {
            return await IdleAsync();
        }

        var (failure, signal) = await WaitForServicesAsync(options.Await);
        if (signal != 0)
        {
            // Interrupted before anything ran: no hook or command to tell.
            return ExitCodes.SignalBase + signal;
        }

        if (failure is not null)
        {
            ReadinessReport.Write(options.ReadinessReportPath, failure);
            return ExitCodes.IsoFailure;
        }

        using var sequence = new CommandSequence(options);
        return await sequence.RunAsync();
    }

    /// <summary>
    /// Waits for the services, ending early with the signal's number when SIGINT, SIGTERM, SIGHUP
    /// or SIGQUIT arrives, which would otherwise go unanswered until the wait ends.
    /// </summary>
    private static async Task<(string? Failure, int Signal)> WaitForServicesAsync(
        IReadOnlyList<ReadinessTarget> targets)
    {
        if (targets.Count == 0)
        {
            return (null, 0);
        }

        using var interrupted = new CancellationTokenSource();
        var signal = 0;
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(posixSignal => PosixSignalRegistration.Create(posixSignal, context =>
            {
                context.Cancel = true;
                Interlocked.CompareExchange(ref signal, CommandSequence.NativeSignalNumber(context.Signal), 0);
                interrupted.Cancel();
            }))
            .ToList();
        try
        {
            var failure = await ReadinessProbe.WaitAsync(targets, interrupted.Token);
            return (failure, Volatile.Read(ref signal));
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            return (null, Volatile.Read(ref signal));
        }
        finally
        {
            registrations.ForEach(registration => registration.Dispose());
        }
    }

    private static async Task<int> IdleAsync()
    {
        _ = new ChildReaper();
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
