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
    private string? _id;

    public async Task<int> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var tty = TerminalMode.IsInteractive;
        var size = tty ? WindowSize.Read(1) : null;
        _id = await CreateAsync(request, tty, size, cancellationToken);
        try
        {
            var exitCode = await AttachAndRunAsync(tty, cancellationToken);
            if (exitCode == Errors.ExitCodes.IsoFailure && targets.Count > 0)
            {
                await ReadinessFailure.ThrowIfReportedAsync(client, context, _id, ReadinessReport.PathFor(null));
            }

            return exitCode;
        }
        finally
        {
            await RemoveAsync();
        }
    }

    private async Task<string> CreateAsync(
        RunRequest request, bool tty, WindowSize? size, CancellationToken cancellationToken)
    {
        var spec = new ContainerSpec(context);
        var labels = context.Labels(Labels.RoleRun);
        labels[Labels.Owner] = OwnerLabel.Current();
        var name = context.Names.FreshContainer(InitCommandLine.NewShortId());
        var response = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = name,
                Image = context.Names.Image,
                Entrypoint = InitCommandLine.For(context, request.Command, size, runId: null, targets),
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

    private async Task<int> AttachAndRunAsync(bool tty, CancellationToken cancellationToken)
    {
        using var stream = await client.Containers.AttachContainerAsync(
            _id!,
            new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true },
            cancellationToken);
        using var terminal = tty ? TerminalMode.EnterRaw(0) : null;
        using var signals = new HostSignals(this, forwardResize: tty);
        await client.Containers.StartContainerAsync(_id!, new ContainerStartParameters(), cancellationToken);
        Log.Debug($"started container {Log.ShortId(_id)}");

        await StdioBridge.RunAsync(stream, this, cancellationToken);
        var result = await client.Containers.WaitContainerAsync(_id!, cancellationToken);
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

    public Task SignalAsync(int signal) =>
        client.Containers.KillContainerAsync(
            _id!, new ContainerKillParameters { Signal = signal.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public Task ResizeAsync(WindowSize size) =>
        client.Containers.ResizeContainerTtyAsync(
            _id!, new ContainerResizeParameters { Height = size.Rows, Width = size.Columns });
}
