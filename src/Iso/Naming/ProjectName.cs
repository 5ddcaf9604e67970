using System.Text;

namespace Iso.Naming;

/// <summary>Turns a project root's base name into a name that Docker accepts in resource names.</summary>
public static class ProjectName
{
    /// <summary>
    /// Lower-cases <paramref name="directoryName"/>, replaces each character outside
    /// <c>[a-z0-9_.-]</c> with <c>-</c> and drops leading separators; an empty result becomes
    /// <c>iso</c>.
    /// </summary>
    public static string FromDirectoryName(string directoryName)
    {
        var builder = new StringBuilder(directoryName.Length);
        foreach (var character in directoryName.ToLowerInvariant())
        {
            builder.Append(IsAllowed(character) ? character : '-');
        }

        var name = builder.ToString().TrimStart('-', '_', '.');
        return name.Length == 0 ? "iso" : name;
    }

    private static bool IsAllowed(char character) =>
        character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-';
}
