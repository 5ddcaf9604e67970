namespace Iso.Configuration.Values;

/// <summary>Absolute paths inside a container, which are always POSIX paths.</summary>
internal static class ContainerPath
{
    public const string Root = "/";

    /// <summary>
    /// Returns <paramref name="text"/> with repeated '/', '.' segments and any trailing '/'
    /// removed, so that equal paths compare equal.
    /// </summary>
    /// <exception cref="FormatException">
    /// The path is not absolute, contains a '..' segment or a ':'. The message is a clause
    /// that follows the value's name, such as "must be an absolute path, found 'x'; ...".
    /// </exception>
    public static string Normalize(string text)
    {
        if (!text.StartsWith('/'))
        {
            var fix = text.Length == 0
                ? "write a path such as '/data'"
                : $"write it as {MessageText.Quote("/" + text)}";
            throw new FormatException(
                $"must be an absolute path, found {MessageText.Quote(text)}; {fix}"
            );
        }

        if (text.Contains(':'))
        {
            // Docker's "source:target:mode" syntax cannot express a target that contains ':'.
            throw new FormatException(
                $"must not contain ':', found {MessageText.Quote(text)}; remove the ':'"
            );
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment != ".")
            .ToList();
        if (segments.Contains(".."))
        {
            throw new FormatException(
                $"must not contain '..', found {MessageText.Quote(text)}; write the path without it"
            );
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// Tells whether <paramref name="path"/> lies below <paramref name="directory"/>. Both
    /// paths must be normalised.
    /// </summary>
    public static bool IsInside(string path, string directory) =>
        directory == Root
            ? path != Root
            : path.StartsWith(directory + "/", StringComparison.Ordinal);
}
