using System.Runtime.InteropServices;
using System.Text.Json;
using Docker.DotNet;
using Iso.Cli;
using Iso.Commands;
using Iso.Containers;
using Iso.Diagnostics;
using Iso.Errors;
using Iso.Init;

namespace Iso;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "init" && !IsHelpRequest(args))
        {
            return await RunGuardedAsync(() => InitProcess.RunAsync(args[1..]), CancellationToken.None);
        }

        if (args.Length == 3 && args[0] == "signal" && int.TryParse(args[2], out var signal))
        {
            return RunSignaller.Signal(args[1], signal);
        }

        using var cancellation = new CancellationTokenSource();
        var interrupted = 0;
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
        var exitCode = await RunGuardedAsync(() => CommandLine.InvokeAsync(args, cancellation.Token), cancellation.Token);
        await OrphanSweeper.WaitAsync(cancellation.Token);
        return interrupted != 0 && exitCode == ExitCodes.IsoFailure ? interrupted : exitCode;

        // Outside a running command, the first signal cancels iso's own work so cleanup runs.
        void Cancel(PosixSignalContext context)
        {
            if (ForwardingScope.Active)
            {
                return;
            }

            context.Cancel = true;
            interrupted = context.Signal switch
            {
                PosixSignal.SIGINT => ExitCodes.Interrupted,
                PosixSignal.SIGHUP => ExitCodes.SignalBase + Native.LibC.SIGHUP,
                _ => ExitCodes.Terminated,
            };
            cancellation.Cancel();
        }
    }

    private static bool IsHelpRequest(string[] args) =>
        args.Length == 2 && args[1] is "--help" or "-h" or "-?";

    private static async Task<int> RunGuardedAsync(Func<Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (IsoException exception)
        {
            Report(exception.Message, exception);
            return exception.ExitCode;
        }
        catch (DockerApiException exception)
        {
            Report($"the Docker engine rejected a request: {EngineMessage(exception)}", exception);
            return ExitCodes.IsoFailure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Error("interrupted");
            return ExitCodes.IsoFailure;
        }
        catch (Exception exception)
        {
            Report($"unexpected error: {exception.Message} (run with --verbose for details)", exception);
            return ExitCodes.IsoFailure;
        }
    }

    private static void Report(string message, Exception exception)
    {
        Log.Error(message);
        Log.Debug(exception.ToString());
    }

    /// <summary>The engine's own error text, which it sends as <c>{"message": "..."}</c>.</summary>
    private static string EngineMessage(DockerApiException exception)
    {
        try
        {
            using var document = JsonDocument.Parse(exception.ResponseBody ?? "");
            if (document.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? exception.Message;
            }
        }
        catch (JsonException)
        {
        }

        return exception.ResponseBody ?? exception.Message;
    }
}
