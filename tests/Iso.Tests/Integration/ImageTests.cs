namespace Iso.Tests.Integration;

public sealed class ImageTests : IAsyncLifetime
{
    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableFact(Timeout = 180_000)]
    public async Task Edited_dockerfile_is_rebuilt_and_unchanged_one_is_not()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/Dockerfile", $"FROM {TestProject.BusyboxImage}\nRUN echo one > /version\n");

        var first = await _project.IsoAsync("run", "cat", "/version");
        var unchanged = await _project.IsoAsync("run", "cat", "/version");
        _project.WriteFile(".iso/Dockerfile", $"FROM {TestProject.BusyboxImage}\nRUN echo two > /version\n");
        var edited = await _project.IsoAsync("run", "cat", "/version");

        Assert.Equal("one\n", first.StandardOutput);
        Assert.Contains("building image", first.StandardError);
        Assert.Equal("one\n", unchanged.StandardOutput);
        Assert.DoesNotContain("building image", unchanged.StandardError);
        Assert.Equal("two\n", edited.StandardOutput);
        Assert.Contains("changed", edited.StandardError);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Failed_build_keeps_the_previous_image()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/Dockerfile", $"FROM {TestProject.BusyboxImage}\nRUN echo good > /state\n");
        var good = await _project.IsoAsync("build");
        var before = await Engine.ImageAsync(_project.Image);
        _project.WriteFile(".iso/Dockerfile", $"FROM {TestProject.BusyboxImage}\nRUN echo broken-step && exit 3\n");

        var broken = await _project.IsoAsync("build");
        var after = await Engine.ImageAsync(_project.Image);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.True(broken.ExitCode == 125, broken.ToString());
        Assert.Contains("broken-step", broken.StandardError);
        Assert.Equal("", broken.StandardOutput);
        Assert.Equal(before!.ID, after!.ID);
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Build_output_goes_to_stderr_only()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/Dockerfile", $"FROM {TestProject.BusyboxImage}\nRUN echo noisy-build-step\n");

        var result = await _project.IsoAsync("run", "echo", "only-this");

        Assert.Equal("only-this\n", result.StandardOutput);
        Assert.Contains("noisy-build-step", result.StandardError);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Editing_config_or_hooks_does_not_rebuild()
    {
        Engine.RequireEngine();
        await _project.IsoAsync("build");
        _project.WriteFile(".iso/config.yml", "environment:\n  A: b\n");
        _project.WriteFile(".iso/pre-run.sh", "true\n");

        var result = await _project.IsoAsync("run", "sh", "-c", "echo $A");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("b\n", result.StandardOutput);
        Assert.DoesNotContain("building image", result.StandardError);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Rebuild_option_always_builds()
    {
        Engine.RequireEngine();
        await _project.IsoAsync("build");

        var again = await _project.IsoAsync("build");
        var rebuilt = await _project.IsoAsync("build", "--rebuild");

        Assert.DoesNotContain("building image", again.StandardError);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.Contains("building image", rebuilt.StandardError);
    }
}
