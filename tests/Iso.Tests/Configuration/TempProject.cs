using Iso.Configuration;

namespace Iso.Tests.Configuration;

/// <summary>
/// A project root with an empty <c>.iso</c> directory under the system temp directory, deleted
/// on dispose, for tests that write configuration files and load them.
/// </summary>
internal sealed class TempProject : IDisposable
{
    /// <summary>A home directory for '~' expansion; it need not exist.</summary>
    public const string Home = "/home/tester";

    public TempProject()
    {
        Root = Path.Combine(Path.GetTempPath(), $"iso-config-test-{Guid.NewGuid():N}");
        IsoDirectory = Path.Combine(Root, ".iso");
        Directory.CreateDirectory(IsoDirectory);
    }

    public string Root { get; }

    public string IsoDirectory { get; }

    public void WriteConfig(string yaml) =>
        File.WriteAllText(Path.Combine(IsoDirectory, ConfigLoader.ConfigFileName), yaml);

    public void WriteServices(string yaml) =>
        File.WriteAllText(Path.Combine(IsoDirectory, ConfigLoader.ServicesFileName), yaml);

    public IsoConfig LoadConfig(string yaml)
    {
        WriteConfig(yaml);
        return ConfigLoader.LoadConfig(Root, IsoDirectory, Home);
    }

    public IReadOnlyList<ServiceDefinition> LoadServices(string yaml)
    {
        WriteServices(yaml);
        return ConfigLoader.LoadServices(IsoDirectory);
    }

    /// <summary>Writes <paramref name="yaml"/> as config.yml and returns the load error.</summary>
    public ConfigError ConfigErrorFor(string yaml)
    {
        WriteConfig(yaml);
        return ConfigError.Capture(() => ConfigLoader.LoadConfig(Root, IsoDirectory, Home));
    }

    /// <summary>Writes <c>yaml</c> as services.yml and returns the load error.</summary>
    public ConfigError ServicesErrorFor(string yaml)
    {
        WriteServices(yaml);
        return ConfigError.Capture(() => ConfigLoader.LoadServices(IsoDirectory));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
