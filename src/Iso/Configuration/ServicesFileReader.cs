using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>
/// Reads the parsed <c>services.yml</c>, whose only top-level key is <c>services</c>.
/// </summary>
internal sealed class ServicesFileReader(ValueReader values)
{
    private static readonly string[] Keys = ["services"];

    /// <summary>
    /// Reads <paramref name="root"/> and returns its services in file order, or none when it
    /// is null.
    /// </summary>
    public IReadOnlyList<ServiceDefinition> Read(ConfigNode? root)
    {
        var keys = MappingReader.Open(values.File, values.ReadTopLevel(root), null, Keys);
        if (keys.Find("services") is not { } entry)
        {
            return [];
        }

        var services = values.ReadMapping(
            entry.Value,
            "services",
            "a mapping of service names to settings",
            "write each service as 'name:' with its settings indented below"
        );
        var reader = new ServiceReader(values);
        var entries = services?.Entries ?? [];
        return [.. entries.Select(service => reader.Read(service.Key, service.Value))];
    }
}
