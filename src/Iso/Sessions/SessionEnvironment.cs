using Docker.DotNet;
using Iso.Images;
using Iso.Networks;

namespace Iso.Sessions;

/// <summary>
/// Brings up what a command's container needs: the session network, the services and an
/// up-to-date image. Each step creates only what is missing.
/// </summary>
internal sealed class SessionEnvironment(DockerClient client, SessionContext context)
{
    /// <summary>Ensures the network and the image in parallel; returns the image id.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var network = new NetworkManager(client, context).EnsureAsync(cancellationToken);
        var image = new ImageManager(client, context).EnsureAsync(cancellationToken);
        await Task.WhenAll(network, image);
        return await image;
    }
}
