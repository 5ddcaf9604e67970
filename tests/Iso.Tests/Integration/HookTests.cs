namespace Iso.Tests.Integration;

public sealed class HookTests : IAsyncLifetime
{
    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableFact(Timeout = 120_000)]
    public async Task Failing_pre_run_aborts_with_its_status()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/pre-run.sh", "#!/bin/sh\necho pre >&2\nexit 4\n", executable: true);

        var result = await _project.IsoAsync("run", "sh", "-c", "touch ran.txt");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("pre-run.sh failed with status 4", result.StandardError);
        Assert.False(File.Exists(Path.Combine(_project.Root, "ran.txt")));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Post_run_runs_after_a_failing_command_with_its_status()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/post-run.sh", "#!/bin/sh\necho \"post $ISO_EXIT_CODE $(pwd)\" > post.txt\n");
        var subdirectory = _project.Subdirectory("sub");

        var result = await _project.IsoInAsync(subdirectory, "run", "sh", "-c", "exit 9");

        Assert.True(result.ExitCode == 9, result.ToString());
        Assert.Equal("post 9 /workspace/sub\n", File.ReadAllText(Path.Combine(subdirectory, "post.txt")));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Failing_post_run_is_a_warning_only()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/post-run.sh", "exit 3\n");

        var result = await _project.IsoAsync("run", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("post-run.sh failed with status 3", result.StandardError);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Hooks_do_not_consume_the_command_input()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/pre-run.sh", "#!/bin/sh\ncat > pre-input.txt\n");

        var result = await _project.IsoAsync("line one\nline two\n"u8.ToArray(), "run", "cat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("line one\nline two\n", result.StandardOutput);
        Assert.Equal("", File.ReadAllText(Path.Combine(_project.Root, "pre-input.txt")));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Hook_without_exec_bit_runs_through_its_interpreter()
    {
        Engine.RequireEngine();
        var path = _project.WriteFile(".iso/pre-run.sh", "#!/bin/sh\necho pre-ran\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await _project.IsoAsync("run", "echo", "command-ran");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("pre-ran\ncommand-ran\n", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Hook_with_crlf_line_endings_is_a_clear_error()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/pre-run.sh", "#!/bin/sh\r\necho hi\r\n");

        var result = await _project.IsoAsync("run", "true");

        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Contains("CRLF", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));
    }
}
