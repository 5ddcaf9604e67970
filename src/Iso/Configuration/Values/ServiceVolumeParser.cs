namespace Iso.Configuration.Values;

/// <summary>Parses a service's <c>volumes</c> entries of the form <c>name:/path</c>.</summary>
internal static class ServiceVolumeParser
{
    public const string Syntax = "name:/absolute/path";

    /// <exception cref="FormatException">
    /// The entry is malformed, as the message explains.
    /// </exception>
    public static ServiceVolume Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            throw new FormatException($"expected {Syntax}, as in data:/var/lib/mysql");
        }

        var name = text[..colon];
        if (!NamePatterns.IsVolumeName(name))
        {
            throw new FormatException(
                $"the volume name {MessageText.Quote(name)} is invalid; it must start with a "
                    + "letter or digit and contain only letters, digits, '_', '.' and '-'"
            );
        }

        return new ServiceVolume(name, NormalizePath(text[(colon + 1)..]));
    }

    private static string NormalizePath(string path)
    {
        string normalized;
        try
        {
            normalized = ContainerPath.Normalize(path);
        }
        catch (FormatException e)
        {
            throw new FormatException($"the path {e.Message}", e);
        }

        if (normalized == ContainerPath.Root)
        {
            throw new FormatException("the path must not be '/'; choose a directory");
        }

        return normalized;
    }
}
