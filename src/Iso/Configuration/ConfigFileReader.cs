using Iso.Configuration.Values;
using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>Reads the parsed <c>config.yml</c> into an <see cref="IsoConfig"/>.</summary>
internal sealed class ConfigFileReader(
    ValueReader values,
    string projectRoot,
    string isoDirectory,
    string homeDirectory
)
{
    private static readonly string[] Keys =
    [
        "name",
        "privileged",
        "workdir",
        "volumes",
        "environment",
        "cache",
        "binds",
        "extra_hosts",
        "ports",
        "build",
    ];

    /// <summary>Reads <paramref name="root"/>, or returns the defaults when it is null.</summary>
    public IsoConfig Read(ConfigNode? root)
    {
        var keys = MappingReader.Open(values.File, values.ReadTopLevel(root), null, Keys);
        var workdir = ReadWorkdir(keys.Find("workdir"));
        var mounts = new MountTargets(values.File, workdir);
        var volumes = ReadMountPaths(keys.Find("volumes"), "volumes", mounts);
        var cache = ReadMountPaths(keys.Find("cache"), "cache", mounts);
        var binds = ReadBinds(keys.Find("binds"), mounts);

        return new IsoConfig(
            Name: ReadName(keys.Find("name")),
            Privileged: ReadPrivileged(keys.Find("privileged")),
            Workdir: workdir,
            Volumes: volumes,
            Environment: ReadEnvironment(keys.Find("environment")),
            Cache: cache,
            Binds: binds,
            ExtraHosts: ReadExtraHosts(values, keys.Find("extra_hosts"), "extra_hosts"),
            Ports: ReadPorts(keys.Find("ports")),
            Build: new BuildSettingsReader(values, projectRoot, isoDirectory).Read(
                keys.Find("build")?.Value
            )
        );
    }

    /// <summary>Reads an <c>extra_hosts</c> list of config.yml or of a service.</summary>
    internal static IReadOnlyList<ExtraHost> ReadExtraHosts(
        ValueReader values,
        MappingEntry? entry,
        string key
    )
    {
        if (entry is null)
        {
            return [];
        }

        var hosts = values.ReadEntries(
            entry.Value,
            key,
            ExtraHostParser.Syntax,
            ExtraHostParser.Parse
        );
        return [.. hosts.Select(host => host.Value)];
    }

    private string? ReadName(MappingEntry? entry)
    {
        if (entry is null)
        {
            return null;
        }

        var name = values.ReadString(entry.Value, "name");
        if (NamePatterns.IsDockerName(name))
        {
            return name;
        }

        var suggestion = NamePatterns.ToDockerName(name);
        var fix = suggestion is null ? "rename it" : $"write it as {MessageText.Quote(suggestion)}";
        throw values.File.Error(
            entry.Value,
            $"invalid 'name' {MessageText.Quote(name)}: a name must start with a lower-case letter "
                + $"or digit and contain only lower-case letters, digits, '_', '.' and '-'; {fix}"
        );
    }

    private bool ReadPrivileged(MappingEntry? entry) =>
        entry is not null && values.ReadBoolean(entry.Value, "privileged");

    private string ReadWorkdir(MappingEntry? entry)
    {
        if (entry is null)
        {
            return IsoConfig.DefaultWorkdir;
        }

        var text = values.ReadString(entry.Value, "workdir");
        var workdir = NormalizeContainerPath(entry.Value, "'workdir'", text);
        if (workdir == ContainerPath.Root)
        {
            throw values.File.Error(
                entry.Value,
                "'workdir' must not be '/', because the project mount would hide the container's "
                    + $"whole file system; use a directory such as '{IsoConfig.DefaultWorkdir}'"
            );
        }

        return workdir;
    }

    private IReadOnlyList<string> ReadMountPaths(
        MappingEntry? entry,
        string key,
        MountTargets mounts
    )
    {
        if (entry is null)
        {
            return [];
        }

        var paths = new List<string>();
        var scalars = values.ReadTextList(
            entry.Value,
            key,
            "a list of absolute container paths",
            "an absolute container path"
        );
        foreach (var scalar in scalars)
        {
            var path = NormalizeContainerPath(scalar, ValueReader.EntryName(key), scalar.Value);
            mounts.Claim(path, key, scalar);
            paths.Add(path);
        }

        return paths;
    }

    private IReadOnlyList<BindMount> ReadBinds(MappingEntry? entry, MountTargets mounts)
    {
        if (entry is null)
        {
            return [];
        }

        var binds = values.ReadEntries(
            entry.Value,
            "binds",
            BindMountParser.Syntax,
            text => BindMountParser.Parse(text, projectRoot, homeDirectory)
        );
        foreach (var bind in binds)
        {
            mounts.Claim(bind.Value.ContainerPath, "binds", bind.Node);
        }

        return [.. binds.Select(bind => bind.Value)];
    }

    private IReadOnlyDictionary<string, string> ReadEnvironment(MappingEntry? entry) =>
        entry is null
            ? new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly()
            : VariablesReader.Read(values, entry.Value, "environment");

    private IReadOnlyList<PortMapping> ReadPorts(MappingEntry? entry)
    {
        if (entry is null)
        {
            return [];
        }

        var ports = values.ReadEntries(
            entry.Value,
            "ports",
            PortMappingParser.Syntax,
            PortMappingParser.Parse
        );
        var published = new Dictionary<(string?, int, string), SourcePosition>();
        foreach (var port in ports)
        {
            var binding = (port.Value.HostIp, port.Value.HostPort, port.Value.Protocol);
            if (!published.TryAdd(binding, port.Node.Position))
            {
                throw values.File.Error(
                    port.Node,
                    $"host port {port.Value.HostPort}/{port.Value.Protocol} is already "
                        + $"published at {published[binding]}; choose another host port"
                );
            }
        }

        return [.. ports.Select(port => port.Value)];
    }

    private string NormalizeContainerPath(ConfigNode node, string subject, string text)
    {
        try
        {
            return ContainerPath.Normalize(text);
        }
        catch (FormatException e)
        {
            throw values.File.Error(node, $"{subject} {e.Message}");
        }
    }
}
