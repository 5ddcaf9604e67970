using Iso.Containers;
using Iso.Engine;
using Iso.Sessions;

namespace Iso.Commands;

/// <summary><c>iso run</c>: the command in a fresh container, or in the persistent one with --reuse.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(
        string? session, RunRequest request, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var sweep = OrphanSweeper.SweepAsync(client, cancellationToken);

        var imageId = await new SessionEnvironment(client, context).EnsureAsync(cancellationToken);
        var exitCode = request.Reuse
            ? await RunReusedAsync(client, context, imageId, request, cancellationToken)
            : await new FreshRun(client, context).ExecuteAsync(request, cancellationToken);

        await sweep;
        return exitCode;
    }

    private static async Task<int> RunReusedAsync(
        Docker.DotNet.DockerClient client,
        SessionContext context,
        string imageId,
        RunRequest request,
        CancellationToken cancellationToken)
    {
        var containerId = await new PersistentShell(client, context).EnsureRunningAsync(imageId, cancellationToken);
        return await new ReusedRun(client, context, containerId).ExecuteAsync(request, cancellationToken);
    }
}
