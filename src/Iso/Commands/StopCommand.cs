using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Discovery;
using Iso.Engine;
using Iso.Naming;
using Iso.Sessions;

namespace Iso.Commands;

/// <summary>
/// <c>iso stop</c>: removes the session's containers (persistent, fresh and services), its
/// network and its volumes, found by their labels. Cache volumes stay.
/// </summary>
internal static class StopCommand
{
    public static async Task<int> ExecuteAsync(
        string? session, bool allSessions, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var scope = new List<(string, string)> { (Labels.ProjectDirectory, context.Project.Root) };
        if (!allSessions)
        {
            scope.Add((Labels.Session, context.Session));
        }

        var containers = await RemoveContainersAsync(client, scope, cancellationToken);
        var networks = await RemoveNetworksAsync(client, scope, cancellationToken);
        var volumes = await RemoveVolumesAsync(client, scope, cancellationToken);
        var what = allSessions ? "every session" : $"session {context.Session}";
        Log.Progress(
            $"stopped {what} of {context.Project.Name}: removed {containers} container(s), "
                + $"{networks} network(s), {volumes} volume(s)");
        return 0;
    }

    private static async Task<int> RemoveContainersAsync(
        DockerClient client, List<(string, string)> scope, CancellationToken cancellationToken)
    {
        var containers = await client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = Filters.Labels([.. scope]) },
            cancellationToken);
        await Task.WhenAll(containers.Select(async container =>
        {
            try
            {
                await client.Containers.RemoveContainerAsync(
                    container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
                Log.Debug($"removed container {container.Names?.FirstOrDefault()} {Log.ShortId(container.ID)}");
            }
            catch (DockerContainerNotFoundException)
            {
            }
        }));
        return containers.Count;
    }

    private static async Task<int> RemoveNetworksAsync(
        DockerClient client, List<(string, string)> scope, CancellationToken cancellationToken)
    {
        var networks = await client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = Filters.Labels([.. scope]) }, cancellationToken);
        foreach (var network in networks)
        {
            try
            {
                await client.Networks.DeleteNetworkAsync(network.ID, cancellationToken);
                Log.Debug($"removed network {network.Name} {Log.ShortId(network.ID)}");
            }
            catch (DockerNetworkNotFoundException)
            {
            }
        }

        return networks.Count;
    }

    private static async Task<int> RemoveVolumesAsync(
        DockerClient client, List<(string, string)> scope, CancellationToken cancellationToken)
    {
        var volumeScope = scope.Append((Labels.Role, Labels.RoleVolume)).ToArray();
        var volumes = await client.Volumes.ListAsync(
            new VolumesListParameters { Filters = Filters.Labels(volumeScope) }, cancellationToken);
        var list = volumes.Volumes ?? [];
        foreach (var volume in list)
        {
            await client.Volumes.RemoveAsync(volume.Name, force: true, cancellationToken);
            Log.Debug($"removed volume {volume.Name}");
        }

        return list.Count;
    }
}
