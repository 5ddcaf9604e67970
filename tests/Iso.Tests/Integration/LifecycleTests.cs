namespace Iso.Tests.Integration;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableFact(Timeout = 180_000)]
    public async Task Reuse_keeps_one_persistent_container()
    {
        Engine.RequireEngine();

        var first = await _project.IsoAsync("run", "--reuse", "sh", "-c", "echo kept > /tmp/marker; hostname");
        var second = await _project.IsoAsync("run", "-r", "sh", "-c", "cat /tmp/marker; hostname");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.StartsWith("kept\n", second.StandardOutput);
        Assert.Equal(first.StandardOutput, second.StandardOutput["kept\n".Length..]);
        var containers = await Engine.ContainersAsync(_project.Root);
        var names = containers.Select(container => container.Names!.Single()).ToList();
        Assert.Equal([$"/{_project.Name}-shell"], names);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Reused_run_passes_status_stdin_and_directory()
    {
        Engine.RequireEngine();
        var subdirectory = _project.Subdirectory("deep/er");

        var status = await _project.IsoAsync("run", "--reuse", "sh", "-c", "exit 5");
        var input = await _project.IsoAsync("x\ny\nz\n"u8.ToArray(), "run", "--reuse", "wc", "-l");
        var directory = await _project.IsoInAsync(subdirectory, "run", "--reuse", "pwd");

        Assert.True(status.ExitCode == 5, status.ToString());
        Assert.Equal("3", input.StandardOutput.Trim());
        Assert.Equal("/workspace/deep/er\n", directory.StandardOutput);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Sessions_get_separate_containers_and_networks()
    {
        Engine.RequireEngine();

        var a = await _project.IsoAsync("run", "-s", "a", "--reuse", "sh", "-c", "echo $ISO_SESSION");
        var b = await _project.IsoWithEnvironmentAsync(
            new Dictionary<string, string?> { ["ISO_SESSION"] = "b" }, "run", "--reuse", "sh", "-c", "echo $ISO_SESSION");

        Assert.Equal("a\n", a.StandardOutput);
        Assert.Equal("b\n", b.StandardOutput);
        var containers = (await Engine.ContainersAsync(_project.Root)).Select(c => c.Names!.Single()).Order();
        Assert.Equal([$"/{_project.Name}-a-shell", $"/{_project.Name}-b-shell"], containers);
        var networks = (await Engine.NetworksAsync(_project.Root)).Select(n => n.Name).Order();
        Assert.Equal([$"{_project.Name}-a-network", $"{_project.Name}-b-network"], networks);

        var stop = await _project.IsoAsync("stop", "-s", "a");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        var left = (await Engine.ContainersAsync(_project.Root)).Select(c => c.Names!.Single());
        Assert.Equal([$"/{_project.Name}-b-shell"], left);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Stop_removes_everything_and_is_idempotent()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "volumes:\n  - /data\n");
        await _project.IsoAsync("run", "--reuse", "true");
        await _project.IsoAsync("run", "true");

        var stop = await _project.IsoAsync("stop");
        var again = await _project.IsoAsync("stop");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));
        Assert.Empty(await Engine.VolumesAsync(_project.Root));
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Volumes_persist_between_runs_until_stop()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "volumes:\n  - /data\n");

        var write = await _project.IsoAsync("run", "sh", "-c", "echo saved > /data/file");
        var read = await _project.IsoAsync("run", "cat", "/data/file");
        var volumes = await Engine.VolumesAsync(_project.Root);
        await _project.IsoAsync("stop");
        var afterStop = await _project.IsoAsync("run", "cat", "/data/file");

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Equal("saved\n", read.StandardOutput);
        Assert.Equal([$"{_project.Name}-data"], volumes.Select(volume => volume.Name));
        Assert.NotEqual(0, afterStop.ExitCode);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Privileged_setting_takes_effect()
    {
        Engine.RequireEngine();
        var script = "mkdir -p /mnt/t && mount -t tmpfs none /mnt/t 2>/dev/null && echo allowed || echo denied";

        var unprivileged = await _project.IsoAsync("run", "sh", "-c", script);
        _project.WriteFile(".iso/config.yml", "privileged: true\n");
        var privileged = await _project.IsoAsync("run", "sh", "-c", script);

        Assert.Equal("denied\n", unprivileged.StandardOutput);
        if (await Engine.CanRunPrivilegedAsync())
        {
            Assert.Equal("allowed\n", privileged.StandardOutput);
        }
        else
        {
            // Some sandboxes (this project's own build machine among them) forbid privileged
            // containers; the engine's refusal still shows that iso asked for one.
            Assert.True(privileged.ExitCode == 125, privileged.ToString());
            Assert.Contains("caps", privileged.StandardError);
        }
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Workdir_setting_moves_the_project_mount()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/config.yml", "workdir: /code\n");
        var subdirectory = _project.Subdirectory("sub/dir");

        var result = await _project.IsoInAsync(subdirectory, "run", "sh", "-c", "pwd; ls /code");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("/code/sub/dir\n", result.StandardOutput);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Project_directory_with_capitals_and_spaces_works()
    {
        Engine.RequireEngine();
        await using var project = new TestProject($"My Project {Guid.NewGuid():N}"[..20]);

        var result = await project.IsoAsync("run", "sh", "-c", "echo $ISO_PROJECT; pwd");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{project.Name}\n/workspace\n", result.StandardOutput);
        Assert.StartsWith("my-project-", project.Name);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Same_name_in_another_directory_is_refused()
    {
        Engine.RequireEngine();
        await using var twin = new TestProject(_project.DirectoryName);
        var first = await _project.IsoAsync("run", "--reuse", "true");

        var second = await twin.IsoAsync("run", "--reuse", "true");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 125, second.ToString());
        Assert.Contains(_project.Root, second.StandardError);
        Assert.Contains(twin.Root, second.StandardError);
        Assert.Contains("name:", second.StandardError);
        Assert.Empty(await Engine.ContainersAsync(twin.Root));
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Version_help_and_init_by_hand_answer()
    {
        Engine.RequireEngine();

        var version = await _project.IsoAsync("--version");
        var help = await _project.IsoAsync("run", "--help");
        var init = await _project.IsoAsync("init");

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StandardOutput);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--reuse", help.StandardOutput);
        Assert.True(init.ExitCode == 2, init.ToString());
        Assert.Contains("iso run", init.StandardError);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task List_shows_resources_by_project_and_session()
    {
        Engine.RequireEngine();
        await _project.IsoAsync("run", "-s", "listed", "--reuse", "true");

        var list = await IsoProcess.RunAsync(Path.GetTempPath(), ["list", "--json"]);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains($"\"projectDirectory\": \"{_project.Root}\"", list.StandardOutput);
        Assert.Contains($"\"name\": \"{_project.Name}-listed-shell\"", list.StandardOutput);
        Assert.Contains($"\"name\": \"{_project.Name}-listed-network\"", list.StandardOutput);
        Assert.Contains("\"session\": \"listed\"", list.StandardOutput);
    }
}
