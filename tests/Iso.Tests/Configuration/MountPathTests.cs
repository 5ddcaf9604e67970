using Iso.Configuration;

namespace Iso.Tests.Configuration;

public sealed class MountPathTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Relative_workdir_is_an_error_with_the_fix()
    {
        var error = project.ConfigErrorFor("privileged: false\nworkdir: code\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Equal(
            "'workdir' must be an absolute path, found 'code'; write it as '/code'",
            error.Detail
        );
    }

    [Theory]
    [InlineData("/code/", "/code")]
    [InlineData("//code//src/", "/code/src")]
    [InlineData("/code/./src", "/code/src")]
    public void Workdir_is_normalised(string text, string expected)
    {
        var config = project.LoadConfig($"workdir: {text}\n");

        Assert.Equal(expected, config.Workdir);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("//")]
    public void Workdir_at_the_root_is_an_error(string text)
    {
        var error = project.ConfigErrorFor($"workdir: {text}\n");

        Assert.Equal(10, error.Column);
        Assert.Contains("'workdir' must not be '/'", error.Detail);
        Assert.Contains("'/workspace'", error.Detail);
    }

    [Fact]
    public void Path_with_dot_dot_is_an_error()
    {
        var error = project.ConfigErrorFor("workdir: /code/../etc\n");

        Assert.Contains("must not contain '..'", error.Detail);
    }

    [Fact]
    public void Path_with_a_colon_is_an_error()
    {
        var error = project.ConfigErrorFor("volumes:\n  - /data:ro\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("'volumes' entry must not contain ':'", error.Detail);
    }

    [Fact]
    public void Volumes_are_normalised()
    {
        var config = project.LoadConfig("volumes:\n  - /data/\n  - //go//pkg\n");

        Assert.Equal(["/data", "/go/pkg"], config.Volumes);
    }

    [Fact]
    public void Relative_volume_is_an_error_with_the_fix()
    {
        var error = project.ConfigErrorFor("volumes:\n  - /ok\n  - data\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal(
            "'volumes' entry must be an absolute path, found 'data'; write it as '/data'",
            error.Detail
        );
    }

    [Fact]
    public void Duplicate_volume_is_an_error()
    {
        var error = project.ConfigErrorFor("volumes:\n  - /data\n  - /data/\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("duplicate 'volumes' entry '/data'", error.Detail);
        Assert.Contains("first listed at line 2, column 5", error.Detail);
    }

    [Fact]
    public void Path_in_volumes_and_cache_fails()
    {
        var error = project.ConfigErrorFor("volumes:\n  - /data\ncache:\n  - /data\n");

        Assert.Equal(4, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("'cache' entry '/data' is also listed in 'volumes'", error.Detail);
        Assert.Contains("line 2, column 5", error.Detail);
    }

    [Fact]
    public void Duplicate_cache_path_is_an_error()
    {
        var error = project.ConfigErrorFor("cache: [/c, /c]\n");

        Assert.Equal(13, error.Column);
        Assert.Contains("duplicate 'cache' entry '/c'", error.Detail);
    }

    [Fact]
    public void Bind_target_used_by_volume_fails()
    {
        var error = project.ConfigErrorFor("volumes: [/data]\nbinds: [/srv:/data]\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("'binds' entry '/data' is also listed in 'volumes'", error.Detail);
    }

    [Theory]
    [InlineData("volumes: [/workspace]\n", "'volumes' entry '/workspace' is the 'workdir'")]
    public void Mount_at_the_workdir_is_an_error(string yaml, string expected)
    {
        var error = project.ConfigErrorFor(yaml);

        Assert.Contains(expected, error.Detail);
    }

    [Fact]
    public void Mount_inside_the_workdir_is_allowed()
    {
        var config = project.LoadConfig(
            "volumes: [/workspace/node_modules]\ncache: [/workspace/.cache]\n");

        Assert.Equal(["/workspace/node_modules"], config.Volumes);
        Assert.Equal(["/workspace/.cache"], config.Cache);
    }

    [Fact]
    public void Mount_sharing_workdir_prefix_is_allowed()
    {
        var config = project.LoadConfig("volumes: [/workspace2, /work]\n");

        Assert.Equal(["/workspace2", "/work"], config.Volumes);
    }

    [Fact]
    public void Mount_at_the_root_is_an_error()
    {
        var error = project.ConfigErrorFor("cache:\n  - /\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("'cache' entry must not be '/'", error.Detail);
    }

    [Fact]
    public void Volumes_that_are_a_mapping_is_an_error()
    {
        var error = project.ConfigErrorFor("volumes:\n  data: /data\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("'volumes' must be a list of absolute container paths", error.Detail);
        Assert.Contains("found a mapping", error.Detail);
    }

    [Fact]
    public void Volume_entry_without_a_value_is_an_error()
    {
        var error = project.ConfigErrorFor("volumes:\n  - /a\n  -\n");

        Assert.Equal(3, error.Line);
        Assert.Contains(
            "'volumes' entry must be an absolute container path, found no value",
            error.Detail
        );
    }

    [Fact]
    public void Bind_tilde_expands_to_home()
    {
        var config = project.LoadConfig("binds:\n  - ~:/home\n  - ~/.ssh:/ssh:ro\n");

        Assert.Equal(new BindMount("/home/tester", "/home", ReadOnly: false), config.Binds[0]);
        Assert.Equal(new BindMount("/home/tester/.ssh", "/ssh", ReadOnly: true), config.Binds[1]);
    }

    [Fact]
    public void Bind_relative_host_path_uses_project_root()
    {
        var config = project.LoadConfig("binds:\n  - data:/data\n  - ../shared/:/shared:rw\n");

        Assert.Equal(Path.Combine(project.Root, "data"), config.Binds[0].HostPath);
        Assert.Equal(
            Path.GetFullPath(Path.Combine(project.Root, "..", "shared")),
            config.Binds[1].HostPath
        );
        Assert.False(config.Binds[1].ReadOnly);
    }

    [Fact]
    public void Bind_with_absolute_host_path_is_kept()
    {
        var config = project.LoadConfig("binds: ['/var/run/docker.sock:/var/run/docker.sock']\n");

        Assert.Equal("/var/run/docker.sock", config.Binds[0].HostPath);
        Assert.Equal("/var/run/docker.sock", config.Binds[0].ContainerPath);
    }

    [Theory]
    [InlineData("/srv", "expected host:container[:ro|:rw]")]
    [InlineData("/a:/b:ro:x", "expected host:container[:ro|:rw]")]
    [InlineData("/a:/b:rx", "the mode must be 'ro' or 'rw', found 'rx'")]
    [InlineData(":/b", "the host path is missing")]
    [InlineData("/a:b", "the container path must be an absolute path, found 'b'; write it as '/b'")]
    [InlineData("~bob/x:/b", "only '~' and '~/' are expanded, found '~bob/x'")]
    public void Malformed_bind_is_an_error_naming_the_entry(string entry, string expected)
    {
        var error = project.ConfigErrorFor($"binds:\n  - \"{entry}\"\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains($"invalid 'binds' entry '{entry}'", error.Detail);
        Assert.Contains(expected, error.Detail);
    }

    [Fact]
    public void Bind_tilde_without_home_fails()
    {
        project.WriteConfig("binds: ['~/.ssh:/ssh']\n");

        var error = ConfigError.Capture(
            () => ConfigLoader.LoadConfig(project.Root, project.IsoDirectory, homeDirectory: "")
        );

        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains(
            "'~' cannot be expanded because the home directory is unknown",
            error.Detail
        );
    }
}
