using Docker.DotNet;
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

        var environment = await new SessionEnvironment(client, context).EnsureAsync(cancellationToken);
        var exitCode = request.Reuse
            ? await RunReusedAsync(client, context, environment, request, cancellationToken)
            : await new FreshRun(client, context, environment.Targets).ExecuteAsync(request, cancellationToken);

        return exitCode;
    }

    private static async Task<int> RunReusedAsync(
        DockerClient client,
        SessionContext context,
        ReadyEnvironment environment,
        RunRequest request,
        CancellationToken cancellationToken)
    {
        var shell = new PersistentShell(client, context);
        var containerId = await shell.EnsureRunningAsync(environment.ImageId, cancellationToken);
        var run = new ReusedRun(client, context, containerId, environment.Targets);
        return await run.ExecuteAsync(request, cancellationToken);
    }
}
