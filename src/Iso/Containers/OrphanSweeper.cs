using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Naming;

namespace Iso.Containers;

/// <summary>
/// Removes the fresh containers whose owning iso was killed outright (SIGKILL, a crash), so
/// they do not outlive it for long. Every iso command that connects to the engine starts one
/// sweep, and <see cref="Program"/> waits for it before the process exits.
/// </summary>
internal static class OrphanSweeper
{
    /// <summary>The longest wait at exit, so that an engine that stops responding cannot hold iso.</summary>
    private static readonly TimeSpan ExitWaitLimit = TimeSpan.FromSeconds(5);

    private static readonly Lock Gate = new();
    private static Task? _sweep;

    /// <summary>Starts the sweep in the background unless this process has started it already.</summary>
    public static void Start(DockerClient client) => _ = SweepAsync(client, CancellationToken.None);

    /// <summary>Returns this process's sweep, starting it with <paramref name="client"/> if needed.</summary>
    public static Task SweepAsync(DockerClient client, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            return _sweep ??= Task.Run(() => RemoveOrphansAsync(client, cancellationToken));
        }
    }

    /// <summary>Waits for the sweep, if one was started, for at most five seconds.</summary>
    public static async Task WaitAsync(CancellationToken cancellationToken)
    {
        Task? sweep;
        lock (Gate)
        {
            sweep = _sweep;
        }

        if (sweep is not null)
        {
            await Task.WhenAny(sweep, Task.Delay(ExitWaitLimit, cancellationToken));
        }
    }

    private static async Task RemoveOrphansAsync(DockerClient client, CancellationToken cancellationToken)
    {
        try
        {
            var containers = await client.Containers.ListContainersAsync(
                new ContainersListParameters
                {
                    All = true,
                    Filters = Filters.Labels((Labels.Role, Labels.RoleRun)),
                },
                cancellationToken);
            foreach (var container in containers)
            {
                if (container.Labels?.TryGetValue(Labels.Owner, out var owner) == true && OwnerLabel.IsDeadOwner(owner))
                {
                    Log.Debug($"removing container {Log.ShortId(container.ID)} left by a killed iso");
                    await client.Containers.RemoveContainerAsync(
                        container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException
            or IOException or OperationCanceledException)
        {
            Log.Debug($"sweeping orphaned containers failed: {exception.Message}");
        }
    }
}
