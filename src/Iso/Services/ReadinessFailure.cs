using System.Formats.Tar;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Errors;
using Iso.Sessions;

namespace Iso.Services;

/// <summary>
/// Turns the readiness report that <c>iso init</c> leaves in the main container into the error
/// a user sees: the service, address and port, the time waited, the attempts and its log.
/// </summary>
internal static class ReadinessFailure
{
    /// <summary>Throws <see cref="ServiceException"/> when the container contains a readiness report.</summary>
    public static async Task ThrowIfReportedAsync(
        DockerClient client, SessionContext context, string containerId, string reportPath)
    {
        var report = await ReadReportAsync(client, containerId, reportPath);
        if (report is null)
        {
            return;
        }

        var fields = report.Trim().Split('\t');
        if (fields.Length < 5)
        {
            throw new ServiceException($"a service was not ready: {report.Trim()}");
        }

        var (service, address, waited, attempts, reason) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        var seconds = long.Parse(waited, CultureInfo.InvariantCulture) / 1000.0;
        var containerName = context.Names.Service(service);
        var state = await StateAsync(client, containerName);
        await ServiceLog.PrintTailAsync(client, service, containerName, CancellationToken.None);
        var port = address[(address.LastIndexOf(':') + 1)..];
        var failure = state is { Running: false }
            ? $"service {service} exited with status {state.ExitCode} while iso waited for port {port}"
            : $"service {service} did not accept connections on {service}:{port} ({address})";
        throw new ServiceException(
            $"{failure} after {seconds:0.0} s and {attempts} attempts ({reason}); see its log above, "
                + "and raise 'ready_timeout' in .iso/services.yml if it only needs longer");
    }

    private static async Task<string?> ReadReportAsync(DockerClient client, string containerId, string path)
    {
        try
        {
            var archive = await client.Containers.GetArchiveFromContainerAsync(
                containerId, new ContainerPathStatParameters { Path = path }, statOnly: false);
            if (archive.Stream is null)
            {
                return null;
            }

            using var stream = archive.Stream;
            using var reader = new TarReader(stream);
            var entry = await reader.GetNextEntryAsync();
            if (entry?.DataStream is null)
            {
                return null;
            }

            using var text = new StreamReader(entry.DataStream);
            return await text.ReadToEndAsync();
        }
        catch (DockerApiException)
        {
            return null;
        }
    }

    private static async Task<State?> StateAsync(DockerClient client, string containerName)
    {
        try
        {
            return (await client.Containers.InspectContainerAsync(containerName)).State;
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }
}
