using Docker.DotNet;
using Docker.DotNet.Models;

namespace Iso.Services;

/// <summary>Reads the end of a service container's log for failure messages.</summary>
internal static class ServiceLog
{
    public const int FailureTailLines = 20;

    /// <summary>Prints the last lines of the service's log to stderr, each prefixed with its name.</summary>
    public static async Task PrintTailAsync(
        DockerClient client, string service, string containerId, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            using var stream = await client.Containers.GetContainerLogsAsync(
                containerId,
                new ContainerLogsParameters
                {
                    ShowStdout = true,
                    ShowStderr = true,
                    Tail = FailureTailLines.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                cancellationToken);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
            text = stdout + stderr;
        }
        catch (DockerApiException exception)
        {
            text = $"(its log could not be read: {exception.Message})";
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(FailureTailLines).ToList();
        Console.Error.WriteLine($"iso: last {lines.Count} lines of the log of service {service}:");
        foreach (var line in lines)
        {
            Console.Error.WriteLine($"  {service} | {line.TrimEnd('\r')}");
        }
    }
}
