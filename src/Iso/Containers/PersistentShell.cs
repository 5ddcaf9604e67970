using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Init;
using Iso.Naming;
using Iso.Sessions;

namespace Iso.Containers;

/// <summary>
/// The session's persistent container <c>&lt;project&gt;[-S]-shell</c>, kept running by
/// <c>iso init</c> between <c>iso run --reuse</c> commands. It is recreated when the image or
/// its configuration changed since it was created.
/// </summary>
internal sealed class PersistentShell(DockerClient client, SessionContext context)
{
    private const string FingerprintLabel = "iso.shell.fingerprint";

    private string Name => context.Names.PersistentContainer;

    /// <summary>Creates and starts the container as needed; returns its id.</summary>
    public async Task<string> EnsureRunningAsync(string imageId, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(imageId);
        var existing = await InspectAsync(cancellationToken);
        if (existing is not null && IsCurrent(existing, fingerprint) && existing.State?.Running == true)
        {
            return existing.ID;
        }

        using var hostLock = await HostLock.AcquireAsync(Name, cancellationToken);
        existing = await InspectAsync(cancellationToken);
        if (existing is not null && !IsCurrent(existing, fingerprint))
        {
            Log.Progress($"recreating container {Name} (the image or .iso/config.yml changed)");
            await RemoveAsync(existing.ID, cancellationToken);
            existing = null;
        }

        var id = existing?.ID ?? await CreateAsync(fingerprint, cancellationToken);
        if (existing?.State?.Running == true)
        {
            return id;
        }

        try
        {
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
            Log.Debug($"started container {Name} {Log.ShortId(id)}");
        }
        catch
        {
            // A container that cannot start would only fail the same way next time.
            await RemoveAsync(id, CancellationToken.None);
            throw;
        }

        return id;
    }

    /// <summary>Removes the container; true when it existed.</summary>
    public async Task<bool> RemoveAsync(CancellationToken cancellationToken)
    {
        var existing = await InspectAsync(cancellationToken);
        if (existing is null)
        {
            return false;
        }

        await RemoveAsync(existing.ID, cancellationToken);
        return true;
    }

    public async Task<ContainerInspectResponse?> InspectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var container = await client.Containers.InspectContainerAsync(Name, cancellationToken);
            context.CheckOwnership($"container {Name}", container.Config?.Labels);
            return container;
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    private static bool IsCurrent(ContainerInspectResponse container, string fingerprint) =>
        container.Config?.Labels?.TryGetValue(FingerprintLabel, out var label) == true
        && label == fingerprint;

    private async Task<string> CreateAsync(string fingerprint, CancellationToken cancellationToken)
    {
        var spec = new ContainerSpec(context);
        var labels = context.Labels(Labels.RoleShell);
        labels[FingerprintLabel] = fingerprint;
        var response = await client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = Name,
                Image = context.Names.Image,
                Entrypoint = [InitProcess.BinaryPath, "init"],
                Cmd = [],
                Env = spec.Environment([], tty: false),
                WorkingDir = context.Config.Workdir,
                Labels = labels,
                ExposedPorts = spec.ExposedPorts(),
                HostConfig = spec.HostConfig(),
            },
            cancellationToken);
        Log.Debug($"created container {Name} {Log.ShortId(response.ID)}");
        return response.ID;
    }

    private async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(
                id, new ContainerRemoveParameters { Force = true }, cancellationToken);
            Log.Debug($"removed container {Name} {Log.ShortId(id)}");
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    /// <summary>
    /// The iso binary's path, size and modification time: the container keeps running the file
    /// it was started with, so a new build of iso must recreate it.
    /// </summary>
    private static string BinaryIdentity()
    {
        var binary = new FileInfo(ContainerSpec.IsoBinary());
        return $"{binary.FullName}|{binary.Length}|{binary.LastWriteTimeUtc.Ticks}";
    }

    /// <summary>A hash of everything the container was created from, except per-run words.</summary>
    private string Fingerprint(string imageId)
    {
        var spec = new ContainerSpec(context);
        var hostConfig = spec.HostConfig();
        var text = new StringBuilder()
            .AppendLine(imageId)
            .AppendLine(BinaryIdentity())
            .AppendLine(context.Config.Privileged.ToString())
            .AppendJoin('\n', (hostConfig.Mounts ?? []).Select(m => $"{m.Type}|{m.Source}|{m.Target}|{m.ReadOnly}"))
            .AppendLine()
            .AppendJoin('\n', hostConfig.ExtraHosts ?? [])
            .AppendLine()
            .AppendJoin('\n', spec.ExposedPorts().Keys)
            .AppendLine()
            .AppendJoin('\n', (hostConfig.PortBindings ?? new Dictionary<string, IList<PortBinding>>()).SelectMany(p => p.Value.Select(b => $"{p.Key}|{b.HostIP}|{b.HostPort}")))
            .AppendLine()
            .AppendJoin('\n', spec.Environment([], tty: false))
            .ToString();
        return Hashing.TextHash.Of(text);
    }
}
