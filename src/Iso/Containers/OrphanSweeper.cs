using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Naming;

namespace Iso.Containers;

/// <summary>
/// Removes the fresh containers whose owning iso was killed outright (SIGKILL, a crash), so
/// they do not outlive it for long: every iso invocation on the engine sweeps them.
/// </summary>
internal static class OrphanSweeper
{
    public static async Task SweepAsync(DockerClient client, CancellationToken cancellationToken)
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
