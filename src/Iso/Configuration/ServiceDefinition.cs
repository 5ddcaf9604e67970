using System.Globalization;
using System.Text;

namespace Iso.Configuration;

/// <summary>A service container defined in <c>.iso/services.yml</c>.</summary>
/// <param name="Name">The service name, a DNS label by which the service is reached.</param>
/// <param name="Image">The image reference, such as <c>mysql:8.0</c>.</param>
/// <param name="Port">The port whose TCP connection means ready, or null.</param>
/// <param name="Command">The command replacing the image's default, or null to keep it.</param>
/// <param name="Environment">The service's environment variables.</param>
/// <param name="ReadyTimeout">How long to wait for readiness, 60 seconds by default.</param>
/// <param name="HealthCheck">The command whose success means ready, or null.</param>
/// <param name="ExtraHosts">Entries added to the service's <c>/etc/hosts</c>.</param>
/// <param name="Volumes">Named volumes mounted into the service.</param>
public sealed record ServiceDefinition(
    string Name,
    string Image,
    int? Port,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan ReadyTimeout,
    HealthCheck? HealthCheck,
    IReadOnlyList<ExtraHost> ExtraHosts,
    IReadOnlyList<ServiceVolume> Volumes
)
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Returns a text form of every field, one field per line, that is equal for equal
    /// definitions and differs whenever any field differs. Environment variables are sorted by
    /// name, so their order in the file does not matter, but the order of lists does. The text is
    /// stable across runs and machines, so a hash of it can be stored to detect a change.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        AppendLine(text, "name", Quote(Name));
        AppendLine(text, "image", Quote(Image));
        AppendLine(text, "port", Port?.ToString(CultureInfo.InvariantCulture) ?? "null");
        AppendLine(text, "command", Command is null ? "null" : List(Command.Select(Quote)));
        AppendLine(text, "environment", List(SortedVariables()));
        AppendLine(text, "ready_timeout", Ticks(ReadyTimeout));
        AppendLine(text, "healthcheck", HealthCheck is null ? "null" : Describe(HealthCheck));
        AppendLine(text, "extra_hosts", List(ExtraHosts.Select(h => Pair(h.Host, h.Address))));
        AppendLine(text, "volumes", List(Volumes.Select(v => Pair(v.Name, v.Path))));
        return text.ToString();
    }

    private IEnumerable<string> SortedVariables() =>
        Environment
            .OrderBy(variable => variable.Key, StringComparer.Ordinal)
            .Select(variable => Pair(variable.Key, variable.Value));

    private static string Describe(HealthCheck check) =>
        $"{List(check.Command.Select(Quote))} interval={Ticks(check.Interval)} "
        + $"timeout={Ticks(check.Timeout)}";

    private static void AppendLine(StringBuilder text, string field, string value) =>
        text.Append(field).Append('=').Append(value).Append('\n');

    private static string Ticks(TimeSpan duration) =>
        duration.Ticks.ToString(CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> quotedItems) =>
        "[" + string.Join(",", quotedItems) + "]";

    private static string Pair(string first, string second) => Quote(first) + ":" + Quote(second);

    // Escapes '"', '\' and line breaks, so that no value can imitate a separator or a field.
    private static string Quote(string value)
    {
        var escaped = value
            .Replace("\\", "\\\\")
            .Replace("\"", "\\\"")
            .Replace("\n", "\\n")
            .Replace("\r", "\\r");
        return $"\"{escaped}\"";
    }
}
