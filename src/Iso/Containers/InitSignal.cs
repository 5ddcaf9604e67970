using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Init;

namespace Iso.Containers;

/// <summary>
/// Delivers a signal to the <c>iso init --run-id</c> of one run with a <c>docker exec</c> of
/// <c>iso signal RUN-ID SIGNAL</c> in its container, which signals that process once it has a
/// handler for the signal.
/// </summary>
/// <remarks>
/// The engine cannot signal an exec'd process at all. It can signal a container's PID 1, but
/// the kernel drops a signal to PID 1 that has no handler yet, so a Ctrl-C right after the
/// container started would be lost.
/// </remarks>
internal static class InitSignal
{
    public static async Task SendAsync(DockerClient client, string containerId, string runId, int signal)
    {
        var exec = await client.Exec.CreateContainerExecAsync(
            containerId,
            new ContainerExecCreateParameters
            {
                Cmd =
                [
                    InitProcess.BinaryPath,
                    "signal",
                    runId,
                    signal.ToString(CultureInfo.InvariantCulture),
                ],
            });
        using var stream = await client.Exec.StartContainerExecAsync(
            exec.ID, new ContainerExecStartParameters { Detach = false });
        await stream.ReadOutputToEndAsync(CancellationToken.None);
    }
}
