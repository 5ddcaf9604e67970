using Iso.Errors;

namespace Iso.Images;

/// <summary>
/// The exclusion rules of a build context's <c>.dockerignore</c> file, read the way Docker's CLI
/// reads them.
/// </summary>
/// <remarks>
/// Each line contains one pattern relative to the context root. As in Docker, only a <c>#</c>
/// in the first column starts a comment, so <c> #x</c> is a pattern. Blank lines are skipped
/// and surrounding whitespace is trimmed. A pattern that starts with <c>!</c>
/// includes matching paths again, and the last pattern that matches a path decides. A pattern
/// that matches a directory also matches everything below it. See <see cref="DockerIgnoreGlob"/>
/// for the wildcard syntax.
/// </remarks>
public sealed class DockerIgnore
{
    /// <summary>The file name Docker looks for in the context root.</summary>
    public const string FileName = ".dockerignore";

    private readonly IReadOnlyList<DockerIgnorePattern> _patterns;

    private DockerIgnore(IReadOnlyList<DockerIgnorePattern> patterns) => _patterns = patterns;

    /// <summary>
    /// Reads <c>.dockerignore</c> from the context root. A missing file excludes nothing. An
    /// unreadable file or a malformed pattern raises <see cref="ConfigException"/>.
    /// </summary>
    public static DockerIgnore Load(string contextDirectory) => Load(contextDirectory, []);

    /// <summary>
    /// Loads the file with <paramref name="leadingPatterns"/> placed before its own lines, so
    /// that the file can still re-include what they exclude with <c>!</c>.
    /// </summary>
    public static DockerIgnore Load(string contextDirectory, IReadOnlyList<string> leadingPatterns)
    {
        string path = Path.Combine(contextDirectory, FileName);
        if (!File.Exists(path))
        {
            return Parse(leadingPatterns, path);
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(
                $"failed to read {path}: {exception.Message}; make the file readable or delete it");
        }

        return Parse([.. leadingPatterns, .. lines], path);
    }

    /// <summary>
    /// Parses the lines of a <c>.dockerignore</c> file. Errors name <paramref name="filePath"/>.
    /// </summary>
    internal static DockerIgnore Parse(IReadOnlyList<string> lines, string filePath)
    {
        var patterns = new List<DockerIgnorePattern>();
        for (int index = 0; index < lines.Count; index++)
        {
            string line = lines[index];
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            patterns.Add(ParseLine(line.Trim(), filePath, lineNumber: index + 1));
        }

        return new DockerIgnore(patterns);
    }

    /// <summary>
    /// Returns whether the path, relative to the context root and '/'-separated, is left out of
    /// the build context.
    /// </summary>
    /// <remarks>
    /// <paramref name="isDirectory"/> does not change the result: Docker strips a trailing
    /// <c>/</c> from every pattern, so <c>build/</c> also excludes a file named <c>build</c>. An
    /// excluded directory may still contain included entries, which
    /// <see cref="MayIncludeBelow"/> detects.
    /// </remarks>
    public bool IsExcluded(string relativePath, bool isDirectory)
    {
        string path = relativePath.TrimEnd('/');
        bool excluded = false;
        foreach (DockerIgnorePattern pattern in _patterns)
        {
            // Only a pattern that would flip the current result needs to be evaluated.
            if (pattern.IsReinclude != excluded)
            {
                continue;
            }

            if (pattern.MatchesPathOrParent(path))
            {
                excluded = !pattern.IsReinclude;
            }
        }

        return excluded;
    }

    /// <summary>
    /// Returns whether a '!' pattern could include something below the directory, so that a
    /// walk must descend into it even when the directory itself is excluded. False positives
    /// only cost a walk through the directory.
    /// </summary>
    internal bool MayIncludeBelow(string relativeDirectory)
    {
        string directory = relativeDirectory.TrimEnd('/');
        return _patterns.Any(pattern => pattern.IsReinclude && pattern.CouldMatchBelow(directory));
    }

    private static DockerIgnorePattern ParseLine(string line, string filePath, int lineNumber)
    {
        try
        {
            return DockerIgnorePattern.Parse(line);
        }
        catch (FormatException exception)
        {
            throw new ConfigException(
                $"invalid pattern '{line}' on line {lineNumber} of {filePath}: "
                    + $"{exception.Message}; patterns use Go's filepath.Match syntax plus '**'");
        }
    }
}
