using Iso.Containers;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Sessions;

namespace Iso.Commands;

/// <summary>
/// <c>iso start</c>: brings up the network, services, image and persistent container, saying
/// what it does. Running it again when everything is up changes nothing.
/// </summary>
internal static class StartCommand
{
    public static async Task<int> ExecuteAsync(string? session, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var imageId = await new SessionEnvironment(client, context).EnsureAsync(cancellationToken);
        Log.Progress($"network {context.Names.Network} is ready");
        Log.Progress($"image {context.Names.Image} is up to date ({Log.ShortId(imageId)})");

        var id = await new PersistentShell(client, context).EnsureRunningAsync(imageId, cancellationToken);
        Log.Progress($"container {context.Names.PersistentContainer} is running ({Log.ShortId(id)})");
        return 0;
    }
}
