using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>
/// Loads <c>.iso/config.yml</c> and <c>.iso/services.yml</c>. Parsing is strict: an unknown
/// key, a wrong type, a duplicate key, a YAML syntax error or an invalid value throws
/// <see cref="Iso.Errors.ConfigException"/> with a one-line message of the form
/// <c>.iso/config.yml:LINE:COLUMN: problem; fix</c>. A missing or empty file means defaults.
/// </summary>
public static class ConfigLoader
{
    public const string ConfigFileName = "config.yml";
    public const string ServicesFileName = "services.yml";

    /// <summary>Loads <c>config.yml</c> from <paramref name="isoDirectory"/>.</summary>
    /// <param name="projectRoot">
    /// The project root, against which relative bind host paths and the build context resolve.
    /// </param>
    /// <param name="isoDirectory">The <c>.iso</c> directory inside the project root.</param>
    /// <param name="homeDirectory">The host user's home, which replaces a leading <c>~</c>.</param>
    /// <exception cref="Iso.Errors.ConfigException">The file is invalid.</exception>
    public static IsoConfig LoadConfig(
        string projectRoot,
        string isoDirectory,
        string homeDirectory
    )
    {
        var root = Path.GetFullPath(projectRoot);
        var iso = Path.TrimEndingDirectorySeparator(Path.GetFullPath(isoDirectory));
        var file = new ConfigFile(
            Path.Join(iso, ConfigFileName),
            Path.Join(Path.GetRelativePath(root, iso), ConfigFileName)
        );
        var reader = new ConfigFileReader(new ValueReader(file), root, iso, homeDirectory);
        return reader.Read(Parse(file));
    }

    /// <summary>
    /// Loads <c>services.yml</c> from <paramref name="isoDirectory"/> and returns the services
    /// in file order.
    /// </summary>
    /// <exception cref="Iso.Errors.ConfigException">The file is invalid.</exception>
    public static IReadOnlyList<ServiceDefinition> LoadServices(string isoDirectory)
    {
        var iso = Path.TrimEndingDirectorySeparator(Path.GetFullPath(isoDirectory));
        var file = new ConfigFile(
            Path.Join(iso, ServicesFileName),
            Path.Join(Path.GetFileName(iso), ServicesFileName)
        );
        return new ServicesFileReader(new ValueReader(file)).Read(Parse(file));
    }

    private static ConfigNode? Parse(ConfigFile file) =>
        file.ReadTextOrNull() is { } text ? YamlTreeReader.Read(file, text) : null;
}
