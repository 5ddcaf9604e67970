using System.Globalization;
using Docker.DotNet.Models;
using Iso.Init;
using Iso.Naming;
using Iso.Native;
using Iso.Sessions;

namespace Iso.Containers;

/// <summary>
/// The parts of a container that every iso container shares: the project mount, iso's own
/// binary, volumes, binds, hosts, ports, privileges and the command's environment.
/// </summary>
internal sealed class ContainerSpec(SessionContext context)
{
    /// <summary>
    /// The command's environment in the order of precedence: iso's variables, <c>TERM</c> on a
    /// terminal, config.yml <c>environment</c>, then the <c>KEY=VALUE</c> words. The image's own
    /// variables come first because the engine puts these on top of them.
    /// </summary>
    public IList<string> Environment(IReadOnlyList<KeyValuePair<string, string>> assignments, bool tty)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ISO_WORKDIR"] = context.Config.Workdir,
            ["ISO_SESSION"] = context.Session,
            ["ISO_PROJECT"] = context.Project.Name,
            ["ISO_UID"] = LibC.GetUid().ToString(CultureInfo.InvariantCulture),
            ["ISO_GID"] = LibC.GetGid().ToString(CultureInfo.InvariantCulture),
        };
        if (tty)
        {
            variables["TERM"] = System.Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term
                ? term
                : "xterm";
        }

        foreach (var (key, value) in context.Config.Environment.Concat(assignments))
        {
            variables[key] = value;
        }

        return variables.Select(pair => $"{pair.Key}={pair.Value}").ToList();
    }

    /// <summary>The host configuration of the main container, fresh or persistent.</summary>
    public HostConfig HostConfig() => new()
    {
        Mounts = Mounts(),
        Privileged = context.Config.Privileged,
        NetworkMode = context.Names.Network,
        ExtraHosts = context.Config.ExtraHosts.Select(host => $"{host.Host}:{host.Address}").ToList(),
        PortBindings = PortBindings(),
        Init = false,

        // The command's output reaches the user through the attach stream. The engine's
        // json-file copy of it would only cost throughput (about 15 MB/s on the benchmark
        // machine) and disk space until the container is removed.
        LogConfig = new LogConfig { Type = "none" },
    };

    public IDictionary<string, EmptyStruct> ExposedPorts() =>
        context.Config.Ports
            .Select(port => $"{port.ContainerPort}/{port.Protocol}")
            .Distinct()
            .ToDictionary(key => key, _ => default(EmptyStruct));

    private IDictionary<string, IList<PortBinding>> PortBindings() =>
        context.Config.Ports
            .GroupBy(port => $"{port.ContainerPort}/{port.Protocol}")
            .ToDictionary(
                group => group.Key,
                group => (IList<PortBinding>)group
                    .Select(port => new PortBinding
                    {
                        HostIP = port.HostIp ?? "",
                        HostPort = port.HostPort.ToString(CultureInfo.InvariantCulture),
                    })
                    .ToList());

    private List<Mount> Mounts()
    {
        var mounts = new List<Mount>
        {
            Bind(context.Project.Root, context.Config.Workdir, readOnly: false),
            Bind(IsoBinary(), InitProcess.BinaryPath, readOnly: true),
        };
        mounts.AddRange(context.Config.Volumes.Select(path =>
            Volume(context.Names.SessionVolume(path), path, context.Labels(Labels.RoleVolume))));
        mounts.AddRange(context.Config.Cache.Select(path =>
            Volume(context.Names.CacheVolume(path), path, CacheLabels())));
        mounts.AddRange(context.Config.Binds.Select(bind =>
            Bind(bind.HostPath, bind.ContainerPath, bind.ReadOnly)));
        return mounts;
    }

    private Dictionary<string, string> CacheLabels()
    {
        var labels = context.Labels(Labels.RoleCache);
        labels.Remove(Labels.Session);
        return labels;
    }

    private static Mount Bind(string source, string target, bool readOnly) => new()
    {
        Type = "bind",
        Source = source,
        Target = target,
        ReadOnly = readOnly,
    };

    // The engine creates a missing named volume with these labels, so that iso stop finds it.
    private static Mount Volume(string name, string target, IDictionary<string, string> labels) => new()
    {
        Type = "volume",
        Source = name,
        Target = target,
        VolumeOptions = new VolumeOptions { Labels = labels },
    };

    /// <summary>The static iso binary that containers run as PID 1: the running executable itself.</summary>
    public static string IsoBinary() =>
        System.Environment.GetEnvironmentVariable("ISO_BINARY") is { Length: > 0 } path
            ? path
            : System.Environment.ProcessPath
                ?? throw new Errors.IsoException("cannot find the path of the iso binary");
}
