using System.Text.RegularExpressions;

namespace Iso.Images;

/// <summary>One pattern line of a <c>.dockerignore</c> file, cleaned and compiled.</summary>
internal sealed class DockerIgnorePattern
{
    private readonly Regex _regex;

    // The pattern's text up to its first wildcard or escape. Every match starts with it.
    private readonly string _literalPrefix;

    private DockerIgnorePattern(string text, bool isReinclude)
    {
        IsReinclude = isReinclude;
        _regex = DockerIgnoreGlob.ToRegex(text);
        int firstSpecial = text.AsSpan().IndexOfAny("*?[\\");
        _literalPrefix = firstSpecial < 0 ? text : text[..firstSpecial];
    }

    /// <summary>
    /// Whether the line started with <c>!</c>, so that a match includes the path again.
    /// </summary>
    public bool IsReinclude { get; }

    /// <summary>
    /// Parses a trimmed, non-empty, non-comment line the way Docker's CLI does: a leading
    /// <c>!</c> marks a re-include, the rest is cleaned like Go's <c>filepath.Clean</c> and a
    /// leading <c>/</c> is dropped. Throws <see cref="FormatException"/> for a malformed pattern.
    /// </summary>
    public static DockerIgnorePattern Parse(string line)
    {
        bool isReinclude = line.StartsWith('!');
        string text = isReinclude ? line[1..].Trim() : line;
        if (text.Length == 0)
        {
            throw new FormatException("'!' must be followed by a pattern");
        }

        text = CleanPath(text);
        if (text.Length > 1 && text[0] == '/')
        {
            text = text[1..];
        }

        return new DockerIgnorePattern(text, isReinclude);
    }

    /// <summary>
    /// Returns whether the pattern matches the path or one of its parent directories, so that
    /// a pattern naming a directory also covers everything below it.
    /// </summary>
    public bool MatchesPathOrParent(string path)
    {
        if (_regex.IsMatch(path))
        {
            return true;
        }

        for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (_regex.IsMatch(path.AsSpan(0, slash)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns false only when the pattern cannot match the directory or anything below it. The
    /// test compares literal prefixes, so it may return true for a pattern that never matches.
    /// </summary>
    public bool CouldMatchBelow(string directory)
    {
        string directoryPrefix = directory + "/";
        return _literalPrefix.StartsWith(directoryPrefix, StringComparison.Ordinal)
            || directoryPrefix.StartsWith(_literalPrefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Cleans a '/'-separated path lexically like Go's <c>filepath.Clean</c>: repeated slashes,
    /// <c>.</c> elements and a trailing slash go, and <c>..</c> removes the element before it.
    /// </summary>
    internal static string CleanPath(string path)
    {
        bool rooted = path.StartsWith('/');
        var elements = new List<string>();
        foreach (string element in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (element == ".")
            {
                continue;
            }

            bool canGoUp = elements.Count > 0 && elements[^1] != "..";
            if (element == ".." && canGoUp)
            {
                elements.RemoveAt(elements.Count - 1);
            }
            else if (element != ".." || !rooted)
            {
                elements.Add(element);
            }
        }

        string joined = string.Join('/', elements);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }
}
