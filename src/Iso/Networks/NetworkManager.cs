using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Naming;
using Iso.Sessions;

namespace Iso.Networks;

/// <summary>The session network that the main container and every service join.</summary>
internal sealed class NetworkManager(DockerClient client, SessionContext context)
{
    private string Name => context.Names.Network;

    /// <summary>Creates the network unless it exists, and returns its id.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await FindAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        // The engine accepts two networks of one name, so parallel runs create it one at a time.
        using var hostLock = await HostLock.AcquireAsync($"{Name}", cancellationToken);
        existing = await FindAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var created = await client.Networks.CreateNetworkAsync(
            new NetworksCreateParameters
            {
                Name = Name,
                Driver = "bridge",
                Labels = context.Labels(Labels.RoleNetwork),
            },
            cancellationToken);
        Log.Debug($"created network {Name} {Log.ShortId(created.ID)}");
        return created.ID;
    }

    /// <summary>Returns the network's id, or null when it does not exist.</summary>
    public async Task<string?> FindAsync(CancellationToken cancellationToken)
    {
        var networks = await client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = Filters.Name(Name) }, cancellationToken);

        // The name filter matches substrings; only the exact name counts.
        var network = networks.FirstOrDefault(candidate => candidate.Name == Name);
        if (network is null)
        {
            return null;
        }

        context.CheckOwnership($"network {Name}", network.Labels);
        return network.ID;
    }

    /// <summary>Removes every network of this name; true when one existed.</summary>
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        var networks = await client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = Filters.Name(Name) }, cancellationToken);
        var removed = false;
        foreach (var network in networks.Where(candidate => candidate.Name == Name))
        {
            context.CheckOwnership($"network {Name}", network.Labels);
            try
            {
                await client.Networks.DeleteNetworkAsync(network.ID, cancellationToken);
                Log.Debug($"removed network {Name} {Log.ShortId(network.ID)}");
                removed = true;
            }
            catch (DockerNetworkNotFoundException)
            {
            }
        }

        return removed;
    }
}
