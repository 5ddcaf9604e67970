using Iso.Configuration;

namespace Iso.Tests.Configuration;

public sealed class ConfigDefaultsTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Missing_config_file_gives_defaults()
    {
        var config = ConfigLoader.LoadConfig(project.Root, project.IsoDirectory, TempProject.Home);

        AssertDefaults(config);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# privileged: true\n# workdir: /code\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Empty_config_file_gives_defaults(string yaml)
    {
        var config = project.LoadConfig(yaml);

        AssertDefaults(config);
    }

    [Fact]
    public void Missing_services_file_gives_no_services()
    {
        var services = ConfigLoader.LoadServices(project.IsoDirectory);

        Assert.Empty(services);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# services:\n#   db:\n#     image: mysql\n")]
    [InlineData("services:\n")]
    [InlineData("services: {}\n")]
    public void Empty_services_file_gives_no_services(string yaml)
    {
        var services = project.LoadServices(yaml);

        Assert.Empty(services);
    }

    [Fact]
    public void Config_path_that_is_a_directory_fails()
    {
        Directory.CreateDirectory(Path.Combine(project.IsoDirectory, ConfigLoader.ConfigFileName));

        var exception = Assert.Throws<Iso.Errors.ConfigException>(
            () => ConfigLoader.LoadConfig(project.Root, project.IsoDirectory, TempProject.Home)
        );

        Assert.StartsWith(".iso/config.yml: ", exception.Message);
        Assert.Contains("directory", exception.Message);
    }

    private void AssertDefaults(IsoConfig config)
    {
        Assert.Null(config.Name);
        Assert.False(config.Privileged);
        Assert.Equal("/workspace", config.Workdir);
        Assert.Empty(config.Volumes);
        Assert.Empty(config.Environment);
        Assert.Empty(config.Cache);
        Assert.Empty(config.Binds);
        Assert.Empty(config.ExtraHosts);
        Assert.Empty(config.Ports);
        Assert.Equal(project.IsoDirectory, config.Build.Context);
        Assert.Empty(config.Build.Args);
    }
}
