using Iso.Containers;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Sessions;

namespace Iso.Commands;

/// <summary>
/// <c>iso start</c>: brings up the network, services, image and persistent container, saying
/// what it does, and waits until the services are ready. Running it again when everything is up
/// changes nothing.
/// </summary>
internal static class StartCommand
{
    public static async Task<int> ExecuteAsync(string? session, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var environment = await new SessionEnvironment(client, context).EnsureAsync(cancellationToken);
        Log.Progress($"network {context.Names.Network} is ready");
        Log.Progress($"image {context.Names.Image} is up to date ({Log.ShortId(environment.ImageId)})");

        var shell = new PersistentShell(client, context);
        var id = await shell.EnsureRunningAsync(environment.ImageId, cancellationToken);
        Log.Progress($"container {context.Names.PersistentContainer} is running ({Log.ShortId(id)})");

        // The readiness probe runs in the persistent container, where commands will run. 'true'
        // is a placeholder command, and no hooks run.
        var probe = new ReusedRun(client, context, id, environment.Targets) { RunHooks = false };
        var status = await probe.ExecuteAsync(new RunRequest(false, [], ["true"]), cancellationToken);
        foreach (var service in context.Services)
        {
            Log.Progress($"service {service.Name} is running as {context.Names.Service(service.Name)}");
        }

        return status;
    }
}
