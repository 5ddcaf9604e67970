using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Engine;
using Iso.Errors;
using Iso.Sessions;
using Microsoft.Win32.SafeHandles;

namespace Iso.Commands;

/// <summary><c>iso logs SERVICE [-f]</c>: a service container's output, stdout and stderr apart.</summary>
internal static class LogsCommand
{
    public static async Task<int> ExecuteAsync(
        string? session, string service, bool follow, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        if (context.Services.All(definition => definition.Name != service))
        {
            var known = context.Services.Count == 0
                ? "none is defined in .iso/services.yml"
                : $"known services: {string.Join(", ", context.Services.Select(s => s.Name))}";
            throw new UsageException($"iso logs: no service '{service}'; {known}");
        }

        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var name = context.Names.Service(service);
        MultiplexedStream stream;
        try
        {
            stream = await client.Containers.GetContainerLogsAsync(
                name,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = follow },
                cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            throw new IsoException(
                $"service {service} is not running in session {context.Session} (no container {name}); "
                    + "start it with 'iso start' or any 'iso run'");
        }

        using (stream)
        {
            await CopyAsync(stream, cancellationToken);
        }

        return 0;
    }

    private static async Task CopyAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        using var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 0);
        using var stderr = new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 0);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (result.EOF)
            {
                return;
            }

            var target = result.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            target.Write(buffer, 0, result.Count);
        }
    }
}
