using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Configuration;
using Iso.Diagnostics;
using Iso.Errors;

namespace Iso.Services;

/// <summary>
/// Waits for services that have a <c>healthcheck</c>: its command runs inside the service
/// container every <c>interval</c> until it exits 0, up to the service's <c>ready_timeout</c>.
/// </summary>
internal sealed class HealthCheckWaiter(DockerClient client)
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    public Task WaitAllAsync(
        IReadOnlyList<ServiceDefinition> definitions,
        IReadOnlyList<ServiceEndpoint> endpoints,
        CancellationToken cancellationToken) =>
        Task.WhenAll(definitions
            .Zip(endpoints)
            .Where(pair => pair.First.HealthCheck is not null)
            .Select(pair => WaitAsync(pair.First, pair.Second.ContainerId, cancellationToken)));

    private async Task WaitAsync(ServiceDefinition service, string containerId, CancellationToken cancellationToken)
    {
        var check = service.HealthCheck!;
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        var announced = false;
        var last = "";
        while (clock.Elapsed < service.ReadyTimeout)
        {
            attempts++;
            var container = await client.Containers.InspectContainerAsync(containerId, cancellationToken);
            if (container.State?.Running != true)
            {
                await ServiceLog.PrintTailAsync(client, service.Name, containerId, cancellationToken);
                throw new ServiceException(
                    $"service {service.Name} exited with status {container.State?.ExitCode} while iso "
                        + "waited for its healthcheck; see its log above");
            }

            (var healthy, last) = await RunCheckAsync(containerId, check, cancellationToken);
            if (healthy)
            {
                Log.Debug($"service {service.Name} is healthy after {attempts} attempts");
                return;
            }

            if (!announced && clock.Elapsed >= QuietPeriod)
            {
                Log.Progress($"waiting for the healthcheck of {service.Name}");
                announced = true;
            }

            await Task.Delay(check.Interval, cancellationToken);
        }

        await ServiceLog.PrintTailAsync(client, service.Name, containerId, cancellationToken);
        throw new ServiceException(
            $"service {service.Name} did not pass its healthcheck '{string.Join(' ', check.Command)}' "
                + $"within {service.ReadyTimeout.TotalSeconds:0.#} s ({attempts} attempts, last: {last}); "
                + "see its log above, and raise 'ready_timeout' in .iso/services.yml if it only needs longer");
    }

    private async Task<(bool Healthy, string Outcome)> RunCheckAsync(
        string containerId, HealthCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout);
        try
        {
            var exec = await client.Exec.CreateContainerExecAsync(
                containerId,
                new ContainerExecCreateParameters { Cmd = check.Command.ToList(), AttachStdout = true, AttachStderr = true },
                timeout.Token);
            using (var stream = await client.Exec.StartContainerExecAsync(
                       exec.ID, new ContainerExecStartParameters(), timeout.Token))
            {
                await stream.ReadOutputToEndAsync(timeout.Token);
            }

            var result = await client.Exec.InspectContainerExecAsync(exec.ID, timeout.Token);
            return (result.ExitCode == 0, $"exit status {result.ExitCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"timed out after {check.Timeout.TotalSeconds:0.#} s");
        }
    }
}
