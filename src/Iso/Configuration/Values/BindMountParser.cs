namespace Iso.Configuration.Values;

/// <summary>Parses <c>binds</c> entries of the form <c>host:container[:ro|:rw]</c>.</summary>
internal static class BindMountParser
{
    public const string Syntax = "host:container[:ro|:rw]";

    /// <summary>
    /// Parses <paramref name="text"/>. A host path is taken as it is when absolute, with a
    /// leading <c>~</c> or <c>~/</c> replaced by <paramref name="homeDirectory"/>, and is
    /// otherwise relative to <paramref name="projectRoot"/>. The host path may contain no ':'
    /// because ':' separates the parts.
    /// </summary>
    /// <exception cref="FormatException">
    /// The entry is malformed, as the message explains.
    /// </exception>
    public static BindMount Parse(string text, string projectRoot, string homeDirectory)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"expected {Syntax} with 2 or 3 parts separated by ':'");
        }

        var readOnly = parts.Length == 3 && ParseMode(parts[2]);
        var hostPath = ResolveHostPath(parts[0], projectRoot, homeDirectory);
        var containerPath = NormalizeContainerPath(parts[1]);
        return new BindMount(hostPath, containerPath, readOnly);
    }

    private static bool ParseMode(string mode) =>
        mode switch
        {
            "ro" => true,
            "rw" => false,
            _ => throw new FormatException(
                $"the mode must be 'ro' or 'rw', found {MessageText.Quote(mode)}"
            ),
        };

    private static string ResolveHostPath(string hostPath, string projectRoot, string homeDirectory)
    {
        if (hostPath.Length == 0)
        {
            throw new FormatException($"the host path is missing; expected {Syntax}");
        }

        var expanded = ExpandHome(hostPath, homeDirectory);
        var absolute = Path.GetFullPath(expanded, projectRoot);
        return absolute == "/" ? absolute : Path.TrimEndingDirectorySeparator(absolute);
    }

    private static string ExpandHome(string hostPath, string homeDirectory)
    {
        if (!hostPath.StartsWith('~'))
        {
            return hostPath;
        }

        if (hostPath != "~" && !hostPath.StartsWith("~/", StringComparison.Ordinal))
        {
            throw new FormatException(
                $"only '~' and '~/' are expanded, found {MessageText.Quote(hostPath)}; "
                    + "write the absolute path"
            );
        }

        if (!Path.IsPathFullyQualified(homeDirectory))
        {
            throw new FormatException(
                "'~' cannot be expanded because the home directory is unknown; set HOME or "
                    + "write the absolute path"
            );
        }

        return hostPath == "~" ? homeDirectory : Path.Join(homeDirectory, hostPath[2..]);
    }

    private static string NormalizeContainerPath(string containerPath)
    {
        try
        {
            return ContainerPath.Normalize(containerPath);
        }
        catch (FormatException e)
        {
            throw new FormatException($"the container path {e.Message}", e);
        }
    }
}
