namespace Iso.Tests.Configuration;

public sealed class BuildSettingsTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Context_defaults_to_the_iso_directory()
    {
        var config = project.LoadConfig("build:\n  args:\n    A: b\n");

        Assert.Equal(project.IsoDirectory, config.Build.Context);
    }

    [Theory]
    [InlineData(".", "")]
    [InlineData("./", "")]
    [InlineData("docker/base/", "docker/base")]
    public void Context_is_resolved_against_the_project_root(string text, string relative)
    {
        Directory.CreateDirectory(Path.Combine(project.Root, "docker", "base"));

        var config = project.LoadConfig($"build:\n  context: {text}\n");

        var expected = Path.TrimEndingDirectorySeparator(Path.Join(project.Root, relative));
        Assert.Equal(expected, config.Build.Context);
    }

    [Fact]
    public void Missing_context_directory_is_an_error()
    {
        var error = project.ConfigErrorFor("build:\n  context: nowhere\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(12, error.Column);
        Assert.Contains("'build.context' 'nowhere' was not found", error.Detail);
        Assert.Contains(Path.Combine(project.Root, "nowhere"), error.Detail);
    }

    [Fact]
    public void Context_that_is_a_file_is_an_error()
    {
        File.WriteAllText(Path.Combine(project.Root, "file.txt"), "");

        var error = project.ConfigErrorFor("build:\n  context: file.txt\n");

        Assert.Contains("'build.context' 'file.txt' is a file, not a directory", error.Detail);
    }

    [Fact]
    public void Empty_context_is_an_error()
    {
        var error = project.ConfigErrorFor("build:\n  context: ''\n");

        Assert.Contains("'build.context' must not be empty", error.Detail);
    }

    [Fact]
    public void Args_scalars_are_taken_as_text()
    {
        var config = project.LoadConfig("build:\n  args:\n    N: 3\n    B: false\n    E:\n");

        Assert.Equal("3", config.Build.Args["N"]);
        Assert.Equal("false", config.Build.Args["B"]);
        Assert.Equal("", config.Build.Args["E"]);
    }

    [Fact]
    public void Arg_name_must_be_a_variable_name()
    {
        var error = project.ConfigErrorFor("build:\n  args:\n    node-version: 20\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("invalid variable name 'node-version' in 'build.args'", error.Detail);
    }

    [Fact]
    public void Build_that_is_a_string_is_an_error()
    {
        var error = project.ConfigErrorFor("build: docker\n");

        Assert.Equal(8, error.Column);
        Assert.Contains("'build' must be a mapping with 'context' and 'args'", error.Detail);
    }
}
