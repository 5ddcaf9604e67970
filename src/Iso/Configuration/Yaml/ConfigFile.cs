using Iso.Errors;

namespace Iso.Configuration.Yaml;

/// <summary>
/// A configuration file being read. Errors name it by its path relative to the project root,
/// such as <c>.iso/config.yml</c>, followed by the 1-based line and column.
/// </summary>
internal sealed class ConfigFile(string fullPath, string displayPath)
{
    public string FullPath { get; } = fullPath;

    public string DisplayPath { get; } = displayPath;

    /// <summary>Creates the exception for an error at <paramref name="position"/>.</summary>
    public ConfigException Error(SourcePosition position, string message) =>
        new($"{DisplayPath}:{position.Line}:{position.Column}: {message}");

    /// <summary>Creates the exception for an error where <paramref name="node"/> starts.</summary>
    public ConfigException Error(ConfigNode node, string message) => Error(node.Position, message);

    /// <summary>Creates the exception for an error that concerns the whole file.</summary>
    public ConfigException Error(string message) => new($"{DisplayPath}: {message}");

    /// <summary>
    /// Reads the file's text, or returns null when the file does not exist, which means defaults.
    /// </summary>
    public string? ReadTextOrNull()
    {
        if (Directory.Exists(FullPath))
        {
            throw Error("expected a file but found a directory; remove or rename the directory");
        }

        try
        {
            return File.Exists(FullPath) ? File.ReadAllText(FullPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error($"cannot be read: {e.Message}; check the file's permissions");
        }
    }
}
