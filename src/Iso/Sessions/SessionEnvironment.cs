using Docker.DotNet;
using Iso.Images;
using Iso.Init;
using Iso.Networks;
using Iso.Services;

namespace Iso.Sessions;

/// <summary>
/// Brings up what a command's container needs: the session network, the services and an
/// up-to-date image. Each step creates only what is missing.
/// </summary>
internal sealed class SessionEnvironment(DockerClient client, SessionContext context)
{
    /// <summary>
    /// Ensures the network, then the services and the image in parallel, and waits for the
    /// services that have a healthcheck. Services with a port are awaited later, by
    /// <c>iso init</c> inside the main container, through the returned targets.
    /// </summary>
    public async Task<ReadyEnvironment> EnsureAsync(CancellationToken cancellationToken)
    {
        await new NetworkManager(client, context).EnsureAsync(cancellationToken);
        var services = new ServiceManager(client, context);
        var endpointsTask = services.EnsureAsync(cancellationToken);
        var imageTask = new ImageManager(client, context).EnsureAsync(cancellationToken);
        await Task.WhenAll(endpointsTask, imageTask);

        var endpoints = await endpointsTask;
        await new HealthCheckWaiter(client).WaitAllAsync(context.Services, endpoints, cancellationToken);
        return new ReadyEnvironment(await imageTask, ReadinessTargets(endpoints));
    }

    private List<ReadinessTarget> ReadinessTargets(IReadOnlyList<ServiceEndpoint> endpoints) =>
        context.Services
            .Zip(endpoints)
            .Where(pair => pair.First.Port is not null && pair.First.HealthCheck is null)
            .Select(pair => new ReadinessTarget(
                pair.First.Name, pair.Second.Address, pair.First.Port!.Value, pair.First.ReadyTimeout))
            .ToList();
}

/// <summary>The image to run and the service ports that must accept connections before the command starts.</summary>
internal sealed record ReadyEnvironment(string ImageId, IReadOnlyList<ReadinessTarget> Targets);
