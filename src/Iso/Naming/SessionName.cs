using System.Text.RegularExpressions;
using Iso.Errors;

namespace Iso.Naming;

/// <summary>Picks and validates the session name that separates parallel environments.</summary>
public static partial class SessionName
{
    public const string Default = "default";
    public const string EnvironmentVariable = "ISO_SESSION";

    /// <summary>
    /// Returns <paramref name="option"/>, else <c>ISO_SESSION</c>, else <c>default</c>, after
    /// checking that it can stand inside a Docker resource name.
    /// </summary>
    public static string Resolve(string? option)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var (name, source) = option is not null
            ? (option, "--session")
            : !string.IsNullOrEmpty(fromEnvironment)
                ? (fromEnvironment, EnvironmentVariable)
                : (Default, "default");

        if (!ValidName().IsMatch(name))
        {
            throw new UsageException(
                $"invalid session name '{name}' (from {source}): use lower-case letters, digits, "
                    + "'_', '.' and '-', starting with a letter or digit, at most 63 characters");
        }

        return name;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex ValidName();
}
