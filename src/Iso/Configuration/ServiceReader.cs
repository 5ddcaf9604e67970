using Iso.Configuration.Values;
using Iso.Configuration.Yaml;
using Iso.Errors;

namespace Iso.Configuration;

/// <summary>Reads one service of <c>services.yml</c>.</summary>
internal sealed class ServiceReader(ValueReader values)
{
    private static readonly string[] Keys =
    [
        "image",
        "port",
        "command",
        "environment",
        "ready_timeout",
        "healthcheck",
        "extra_hosts",
        "volumes",
    ];

    /// <summary>
    /// Reads the service named by <paramref name="nameNode"/> from its settings,
    /// <paramref name="definition"/>.
    /// </summary>
    public ServiceDefinition Read(ScalarNode nameNode, ConfigNode definition)
    {
        var name = ReadName(nameNode);
        var path = $"services.{name}";
        var mapping =
            values.ReadMapping(
                definition,
                path,
                "a mapping of settings",
                "indent 'image:' below it"
            )
            ?? throw MissingImage(nameNode, name);
        var keys = MappingReader.Open(values.File, mapping, path, Keys);

        return new ServiceDefinition(
            name,
            ReadImage(keys.Find("image"), keys.PathOf("image"))
                ?? throw MissingImage(nameNode, name),
            keys.Find("port") is { } port ? values.ReadPort(port.Value, keys.PathOf("port")) : null,
            keys.Find("command") is { } command
                ? CommandReader.Read(values, command.Value, keys.PathOf("command"))
                : null,
            ReadEnvironment(keys.Find("environment"), keys.PathOf("environment")),
            keys.Find("ready_timeout") is { } timeout
                ? values.ReadSeconds(timeout.Value, keys.PathOf("ready_timeout"))
                : ServiceDefinition.DefaultReadyTimeout,
            keys.Find("healthcheck") is { } check
                ? HealthCheckReader.Read(values, check.Value, keys.PathOf("healthcheck"))
                : null,
            ConfigFileReader.ReadExtraHosts(
                values,
                keys.Find("extra_hosts"),
                keys.PathOf("extra_hosts")
            ),
            ReadVolumes(keys.Find("volumes"), keys.PathOf("volumes"))
        );
    }

    private string ReadName(ScalarNode nameNode)
    {
        if (NamePatterns.IsDnsLabel(nameNode.Value))
        {
            return nameNode.Value;
        }

        throw values.File.Error(
            nameNode,
            $"invalid service name {MessageText.Quote(nameNode.Value)}: a service name must be "
                + "a DNS label of 1 to 63 lower-case letters, digits and '-' that starts and ends "
                + "with a letter or digit; rename the service"
        );
    }

    private string? ReadImage(MappingEntry? entry, string key)
    {
        if (entry is null)
        {
            return null;
        }

        var image = values.ReadString(entry.Value, key);
        if (image.Length == 0 || image.Any(char.IsWhiteSpace))
        {
            throw values.File.Error(
                entry.Value,
                $"invalid {ValueReader.KeyName(key)} {MessageText.Quote(image)}: an image must "
                    + "be a non-empty reference without spaces; write an image such as 'mysql:8.0'"
            );
        }

        return image;
    }

    private IReadOnlyDictionary<string, string> ReadEnvironment(MappingEntry? entry, string key) =>
        entry is null
            ? new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly()
            : VariablesReader.Read(values, entry.Value, key);

    private IReadOnlyList<ServiceVolume> ReadVolumes(MappingEntry? entry, string key)
    {
        if (entry is null)
        {
            return [];
        }

        var volumes = values.ReadEntries(
            entry.Value,
            key,
            ServiceVolumeParser.Syntax,
            ServiceVolumeParser.Parse
        );
        var paths = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var volume in volumes)
        {
            if (!paths.TryAdd(volume.Value.Path, volume.Node.Position))
            {
                throw values.File.Error(
                    volume.Node,
                    $"duplicate path {MessageText.Quote(volume.Value.Path)} in "
                        + $"{ValueReader.KeyName(key)}, first listed at "
                        + $"{paths[volume.Value.Path]}; remove one of them"
                );
            }
        }

        return [.. volumes.Select(volume => volume.Value)];
    }

    private ConfigException MissingImage(ScalarNode nameNode, string name) =>
        values.File.Error(
            nameNode,
            $"service {MessageText.Quote(name)} is missing 'image'; add 'image:' with an image "
                + "such as 'mysql:8.0' below it"
        );
}
