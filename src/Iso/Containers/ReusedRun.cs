using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Init;
using Iso.Services;
using Iso.Sessions;
using Iso.Terminal;

namespace Iso.Containers;

/// <summary>Runs a command with <c>docker exec</c> in the session's persistent container.</summary>
internal sealed class ReusedRun(
    DockerClient client,
    SessionContext context,
    string containerId,
    IReadOnlyList<ReadinessTarget> targets)
    : IRunningCommand
{
    private static readonly TimeSpan ExitPollInterval = TimeSpan.FromMilliseconds(5);

    private readonly string _runId = InitCommandLine.NewShortId();

    /// <summary>False for runs that only wait for readiness, such as the one of <c>iso start</c>.</summary>
    public bool RunHooks { get; init; } = true;
    private string? _execId;

    public async Task<int> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var tty = TerminalMode.IsInteractive;
        var size = tty ? WindowSize.Read(1) : null;
        var spec = new ContainerSpec(context);
        var created = await client.Exec.CreateContainerExecAsync(
            containerId,
            new ContainerExecCreateParameters
            {
                Cmd = InitCommandLine.For(context, request.Command, size, _runId, targets, RunHooks),
                Env = spec.Environment(request.Assignments, tty),
                WorkingDir = context.ContainerWorkingDirectory,
                TTY = tty,
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
            },
            cancellationToken);
        _execId = created.ID;
        Log.Debug($"created exec {Log.ShortId(_execId)} in container {Log.ShortId(containerId)}");

        using var terminal = tty ? TerminalMode.EnterRaw(0) : null;
        using var signals = new HostSignals(this, forwardResize: tty);

        // From here on signals go to the run instead of cancelling iso, so one that came before
        // must stop iso now, while the exec has not started.
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = await client.Exec.StartContainerExecAsync(
            _execId, new ContainerExecStartParameters { TTY = tty }, CancellationToken.None);

        // A resize between reading the size and registering for SIGWINCH was not forwarded.
        if (tty && WindowSize.Read(1) is { } current && current != size)
        {
            await ResizeAsync(current);
        }

        await StdioBridge.RunAsync(stream, this, cancellationToken);
        var exitCode = await ExitCodeAsync(cancellationToken);
        if (exitCode == Errors.ExitCodes.IsoFailure && targets.Count > 0)
        {
            await ReadinessFailure.ThrowIfReportedAsync(client, context, containerId, ReadinessReport.PathFor(_runId));
        }

        return exitCode;
    }

    private async Task<int> ExitCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var inspection = await client.Exec.InspectContainerExecAsync(_execId!, cancellationToken);
            if (!inspection.Running && inspection.ExitCode is { } exitCode)
            {
                return (int)exitCode;
            }

            await Task.Delay(ExitPollInterval, cancellationToken);
        }
    }

    public Task SignalAsync(int signal) => InitSignal.SendAsync(client, containerId, _runId, signal);

    public Task ResizeAsync(WindowSize size) =>
        client.Exec.ResizeExecTtyAsync(
            _execId!, new ContainerResizeParameters { Height = size.Rows, Width = size.Columns });
}
