using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Configuration;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Errors;
using Iso.Hashing;
using Iso.Naming;
using Iso.Sessions;

namespace Iso.Services;

/// <summary>
/// The session's service containers <c>&lt;project&gt;[-S]-&lt;service&gt;</c>: created once per
/// session, reachable on the session network by the service's name, kept running between runs
/// and recreated when their definition in <c>.iso/services.yml</c> changes.
/// </summary>
internal sealed class ServiceManager(DockerClient client, SessionContext context)
{
    private const string ServiceLabel = "iso.service";

    private readonly ImagePuller _puller = new(client);

    /// <summary>Starts every service that is not running, in parallel; returns their endpoints.</summary>
    public async Task<IReadOnlyList<ServiceEndpoint>> EnsureAsync(CancellationToken cancellationToken)
    {
        var endpoints = await Task.WhenAll(
            context.Services.Select(service => EnsureAsync(service, cancellationToken)));
        return endpoints;
    }

    /// <summary>The state of each service container, or null when it does not exist.</summary>
    public async Task<IReadOnlyList<(ServiceDefinition Service, ContainerInspectResponse? Container)>>
        InspectAllAsync(CancellationToken cancellationToken)
    {
        var containers = await Task.WhenAll(
            context.Services.Select(service => InspectAsync(service, cancellationToken)));
        return context.Services.Zip(containers).ToList();
    }

    public string ContainerName(string service) => context.Names.Service(service);

    private async Task<ServiceEndpoint> EnsureAsync(
        ServiceDefinition service, CancellationToken cancellationToken)
    {
        var fingerprint = TextHash.Of(service.Fingerprint());
        var existing = await InspectAsync(service, cancellationToken);
        if (existing is not null && IsCurrent(existing, fingerprint) && existing.State?.Running == true)
        {
            return Endpoint(service, existing);
        }

        using var hostLock = await HostLock.AcquireAsync(ContainerName(service.Name), cancellationToken);
        existing = await InspectAsync(service, cancellationToken);
        if (existing is not null && !IsCurrent(existing, fingerprint))
        {
            Log.Progress($"recreating service {service.Name} (its definition in .iso/services.yml changed)");
            await RemoveAsync(existing.ID, cancellationToken);
            existing = null;
        }

        if (existing?.State?.Running != true)
        {
            var id = existing?.ID ?? await CreateAsync(service, fingerprint, cancellationToken);
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
            Log.Debug($"started service {ContainerName(service.Name)} {Log.ShortId(id)}");
            existing = await client.Containers.InspectContainerAsync(id, cancellationToken);
        }

        if (existing.State?.Running != true)
        {
            await ServiceLog.PrintTailAsync(client, service.Name, existing.ID, cancellationToken);
            throw new ServiceException(
                $"service {service.Name} ({ContainerName(service.Name)}) exited with status "
                    + $"{existing.State?.ExitCode} right after it started; see its log above and "
                    + "fix its image or command in .iso/services.yml");
        }

        return Endpoint(service, existing);
    }

    private ServiceEndpoint Endpoint(ServiceDefinition service, ContainerInspectResponse container)
    {
        EndpointSettings? network = null;
        container.NetworkSettings?.Networks?.TryGetValue(context.Names.Network, out network);
        if (network is null || string.IsNullOrEmpty(network.IPAddress))
        {
            throw new ServiceException(
                $"service {service.Name} ({ContainerName(service.Name)}) has no address on network "
                    + $"{context.Names.Network}; run 'iso stop' and try again");
        }

        return new ServiceEndpoint(service.Name, container.ID, network.IPAddress, service.Port);
    }

    private async Task<ContainerInspectResponse?> InspectAsync(
        ServiceDefinition service, CancellationToken cancellationToken)
    {
        var name = ContainerName(service.Name);
        try
        {
            var container = await client.Containers.InspectContainerAsync(name, cancellationToken);
            context.CheckOwnership($"container {name}", container.Config?.Labels);
            return container;
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    private static bool IsCurrent(ContainerInspectResponse container, string fingerprint) =>
        container.Config?.Labels?.TryGetValue(Labels.ServiceFingerprint, out var label) == true
        && label == fingerprint;

    private async Task<string> CreateAsync(
        ServiceDefinition service, string fingerprint, CancellationToken cancellationToken)
    {
        await _puller.EnsureAsync(service.Image, cancellationToken);
        var labels = context.Labels(Labels.RoleService);
        labels[ServiceLabel] = service.Name;
        labels[Labels.ServiceFingerprint] = fingerprint;
        var response = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = ContainerName(service.Name),
                Image = service.Image,
                Cmd = service.Command?.ToList(),
                Env = service.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
                Labels = labels,
                HostConfig = new HostConfig
                {
                    NetworkMode = context.Names.Network,
                    ExtraHosts = service.ExtraHosts.Select(host => $"{host.Host}:{host.Address}").ToList(),
                    Mounts = service.Volumes.Select(volume => VolumeMount(service, volume)).ToList(),
                },
                NetworkingConfig = new NetworkingConfig
                {
                    EndpointsConfig = new Dictionary<string, EndpointSettings>
                    {
                        [context.Names.Network] = new() { Aliases = [service.Name] },
                    },
                },
            },
            cancellationToken);
        Log.Debug($"created service {ContainerName(service.Name)} {Log.ShortId(response.ID)}");
        return response.ID;
    }

    private Mount VolumeMount(ServiceDefinition service, ServiceVolume volume) => new()
    {
        Type = "volume",
        Source = $"{ContainerName(service.Name)}-{volume.Name}",
        Target = volume.Path,
        VolumeOptions = new VolumeOptions { Labels = context.Labels(Labels.RoleVolume) },
    };

    private async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(
                id, new ContainerRemoveParameters { Force = true }, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }
}
