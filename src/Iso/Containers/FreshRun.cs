using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Init;
using Iso.Naming;
using Iso.Services;
using Iso.Sessions;
using Iso.Terminal;

namespace Iso.Containers;

/// <summary>
/// Runs a command in a new container that exists only for this run: created, attached, started,
/// awaited and removed, whatever happens in between.
/// </summary>
internal sealed class FreshRun(
    DockerClient client, SessionContext context, IReadOnlyList<ReadinessTarget> targets)
    : IRunningCommand
{
    private readonly TaskCompletionSource _started =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The run id, which names the container and lets iso signal find its init.
    private readonly string _runId = InitCommandLine.NewShortId();

    private string? _id;

    public async Task<int> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var tty = TerminalMode.IsInteractive;
        var size = tty ? WindowSize.Read(1) : null;

        // The request is not cancelled, because a Ctrl-C during it could leave a container without
        // an id to remove it by.
        _id = await CreateAsync(request, tty, size, CancellationToken.None);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exitCode = await AttachAndRunAsync(tty, size, cancellationToken);
            if (exitCode == Errors.ExitCodes.IsoFailure && targets.Count > 0)
            {
                await ReadinessFailure.ThrowIfReportedAsync(client, context, _id, ReadinessReport.PathFor(_runId));
            }

            return exitCode;
        }
        finally
        {
            _started.TrySetCanceled(CancellationToken.None);
            await RemoveAsync();
        }
    }

    private async Task<string> CreateAsync(
        RunRequest request, bool tty, WindowSize? size, CancellationToken cancellationToken)
    {
        var spec = new ContainerSpec(context);
        var labels = context.Labels(Labels.RoleRun);
        labels[Labels.Owner] = OwnerLabel.Current();
        var name = context.Names.FreshContainer(_runId);
        var response = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = name,
                Image = context.Names.Image,
                Entrypoint = InitCommandLine.For(context, request.Command, size, _runId, targets),
                Cmd = [],
                Env = spec.Environment(request.Assignments, tty),
                WorkingDir = context.ContainerWorkingDirectory,
                Labels = labels,
                Tty = tty,
                OpenStdin = true,
                StdinOnce = true,
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
                ExposedPorts = spec.ExposedPorts(),
                HostConfig = spec.HostConfig(),
            },
            cancellationToken);
        Log.Debug($"created container {name} {Log.ShortId(response.ID)}");
        return response.ID;
    }

    private async Task<int> AttachAndRunAsync(
        bool tty, WindowSize? size, CancellationToken cancellationToken)
    {
        using var stream = await client.Containers.AttachContainerAsync(
            _id!,
            new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true },
            cancellationToken);
        using var terminal = tty ? TerminalMode.EnterRaw(0) : null;
        using var signals = new HostSignals(this, forwardResize: tty);
        await client.Containers.StartContainerAsync(_id!, new ContainerStartParameters(), cancellationToken);
        Log.Debug($"started container {Log.ShortId(_id)}");
        _started.TrySetResult();

        // A resize between reading the size and registering for SIGWINCH was not forwarded.
        if (tty && WindowSize.Read(1) is { } current && current != size)
        {
            await ResizeAsync(current);
        }

        // The wait request goes out before the output ends: the engine returns it as soon as it
        // has recorded the exit, which it often does tens of milliseconds after the output closes.
        var exit = client.Containers.WaitContainerAsync(_id!, cancellationToken);
        await StdioBridge.RunAsync(stream, this, cancellationToken);
        Log.Debug($"output of container {Log.ShortId(_id)} ended");
        var result = await exit;
        Log.Debug($"container {Log.ShortId(_id)} exited with status {result.StatusCode}");
        return (int)result.StatusCode;
    }

    private async Task RemoveAsync()
    {
        try
        {
            await client.Containers.RemoveContainerAsync(
                _id!, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            Log.Debug($"removed container {Log.ShortId(_id)}");
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException
            or IOException)
        {
            Log.Warning($"could not remove container {Log.ShortId(_id)}: {exception.Message}");
        }
    }

    /// <summary>Sends the signal to <c>iso init</c>, waiting until the container has started.</summary>
    public async Task SignalAsync(int signal)
    {
        await _started.Task;
        await InitSignal.SendAsync(client, _id!, _runId, signal);
    }

    public async Task ResizeAsync(WindowSize size)
    {
        await _started.Task;
        await client.Containers.ResizeContainerTtyAsync(
            _id!, new ContainerResizeParameters { Height = size.Rows, Width = size.Columns });
    }
}
