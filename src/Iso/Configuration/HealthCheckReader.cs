using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>
/// Reads a service's <c>healthcheck</c>: either the command alone, as a list or a string, or
/// a mapping with <c>command</c>, <c>interval</c> and <c>timeout</c> in seconds.
/// </summary>
internal static class HealthCheckReader
{
    private static readonly string[] Keys = ["command", "interval", "timeout"];

    public static HealthCheck Read(ValueReader values, ConfigNode node, string key)
    {
        if (node is not MappingNode mapping)
        {
            var command = CommandReader.Read(values, node, key);
            return new HealthCheck(
                command,
                HealthCheck.DefaultInterval,
                HealthCheck.DefaultTimeout
            );
        }

        var keys = MappingReader.Open(values.File, mapping, key, Keys);
        var commandEntry =
            keys.Find("command")
            ?? throw values.File.Error(
                mapping,
                $"{ValueReader.KeyName(key)} is missing 'command'; add 'command:' with the check "
                    + "to run, such as [pg_isready]"
            );
        return new HealthCheck(
            CommandReader.Read(values, commandEntry.Value, keys.PathOf("command")),
            ReadSeconds(values, keys, "interval", HealthCheck.DefaultInterval),
            ReadSeconds(values, keys, "timeout", HealthCheck.DefaultTimeout)
        );
    }

    private static TimeSpan ReadSeconds(
        ValueReader values,
        MappingReader keys,
        string key,
        TimeSpan defaultValue
    ) =>
        keys.Find(key) is { } entry
            ? values.ReadSeconds(entry.Value, keys.PathOf(key))
            : defaultValue;
}
