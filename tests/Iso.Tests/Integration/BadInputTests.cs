namespace Iso.Tests.Integration;

/// <summary>Each bad input gets one line on stderr, a non-zero status and leaves nothing behind.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    private async Task<IsoResult> AssertRejectedAsync(int exitCode, string expected, params string[] arguments)
    {
        var result = await _project.IsoAsync(arguments);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("iso: ", result.StandardError);
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));
        Assert.Empty(await Engine.VolumesAsync(_project.Root));
        return result;
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Missing_iso_directory_is_reported()
    {
        Engine.RequireEngine();
        var outside = Directory.CreateTempSubdirectory("iso-no-project-");
        try
        {
            var result = await IsoProcess.RunAsync(outside.FullName, ["run", "true"]);

            Assert.True(result.ExitCode == 125, result.ToString());
            Assert.Contains($"no .iso directory found in {outside.FullName} or any parent", result.StandardError);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Missing_dockerfile_is_reported()
    {
        Engine.RequireEngine();
        File.Delete(Path.Combine(_project.Root, ".iso/Dockerfile"));

        await AssertRejectedAsync(125, ".iso/Dockerfile", "run", "true");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Yaml_syntax_error_names_file_and_line()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "privileged: true\nvolumes: [\n");

        await AssertRejectedAsync(125, ".iso/config.yml:", "run", "true");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Unknown_key_suggests_the_valid_one()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "privilidged: true\n");

        var result = await AssertRejectedAsync(125, "privilidged", "run", "true");

        Assert.Contains("privileged", result.StandardError);
        Assert.Contains(".iso/config.yml:1:1", result.StandardError);
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Wrong_type_is_reported()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "privileged: [yes]\n");

        await AssertRejectedAsync(125, "privileged", "run", "true");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Relative_workdir_is_reported()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "workdir: code\n");

        await AssertRejectedAsync(125, "workdir", "run", "true");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Invalid_session_name_is_a_usage_error()
    {
        Engine.RequireEngine();

        var result = await AssertRejectedAsync(2, "invalid session name", "run", "-s", "Bad Name!", "true");

        Assert.Contains("Bad Name!", result.StandardError);
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Unreachable_engine_is_reported_quickly()
    {
        Engine.RequireEngine();
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///tmp/iso-no-such.sock" };
        var started = DateTime.UtcNow;

        var result = await _project.IsoWithEnvironmentAsync(environment, "run", "true");

        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Contains("unix:///tmp/iso-no-such.sock", result.StandardError);
        Assert.Contains("DOCKER_HOST", result.StandardError);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "iso took too long to give up");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Broken_dockerfile_leaves_nothing_behind()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/Dockerfile", "FROM iso-base/busybox:latest\nRUN exit 7\n");

        var result = await _project.IsoAsync("run", "true");

        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Contains("building image", result.StandardError);
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
    }
}
