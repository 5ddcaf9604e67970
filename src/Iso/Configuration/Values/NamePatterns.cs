using System.Text.RegularExpressions;

namespace Iso.Configuration.Values;

/// <summary>The character rules for names that configuration files define.</summary>
internal static partial class NamePatterns
{
    /// <summary>A project name that Docker accepts in container, network and image names.</summary>
    public static bool IsDockerName(string name) => DockerNamePattern().IsMatch(name);

    /// <summary>
    /// A DNS label (RFC 1123, lower case), because a service is reached by its name as a host
    /// name on the session network.
    /// </summary>
    public static bool IsDnsLabel(string name) => DnsLabelPattern().IsMatch(name);

    /// <summary>An environment variable or build argument name as POSIX shells accept it.</summary>
    public static bool IsVariableName(string name) => VariableNamePattern().IsMatch(name);

    /// <summary>A Docker volume name.</summary>
    public static bool IsVolumeName(string name) => VolumeNamePattern().IsMatch(name);

    /// <summary>
    /// A host name for <c>/etc/hosts</c>: labels of letters, digits, '-' and '_' separated by
    /// dots.
    /// </summary>
    public static bool IsHostName(string name) => HostNamePattern().IsMatch(name);

    /// <summary>
    /// Returns <paramref name="name"/> changed into a Docker name: lower case, other characters
    /// replaced by '-', leading separators dropped. Returns null when nothing is left.
    /// </summary>
    public static string? ToDockerName(string name)
    {
        var replaced = InvalidDockerCharacters().Replace(name.ToLowerInvariant(), "-");
        var trimmed = replaced.TrimStart('-', '_', '.');
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>
    /// Returns <paramref name="name"/> changed into a variable name: other characters replaced
    /// by '_', and a leading '_' added when it starts with a digit.
    /// </summary>
    public static string ToVariableName(string name)
    {
        var replaced = InvalidVariableCharacters().Replace(name, "_");
        return replaced.Length == 0 || char.IsAsciiDigit(replaced[0]) ? "_" + replaced : replaced;
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9_.-]*\z")]
    private static partial Regex DockerNamePattern();

    [GeneratedRegex(@"[^a-z0-9_.-]")]
    private static partial Regex InvalidDockerCharacters();

    [GeneratedRegex(@"\A[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\z")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex InvalidVariableCharacters();

    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9_.-]*\z")]
    private static partial Regex VolumeNamePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_]([A-Za-z0-9_-]*)(\.[A-Za-z0-9_]([A-Za-z0-9_-]*))*\z")]
    private static partial Regex HostNamePattern();
}
