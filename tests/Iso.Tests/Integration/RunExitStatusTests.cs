namespace Iso.Tests.Integration;

public sealed class RunExitStatusTests(SharedProject shared) : IClassFixture<SharedProject>
{
    private TestProject Project => shared.Project;

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(255)]
    public async Task Run_returns_the_exit_status_of_the_command(int status)
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "sh", "-c", $"exit {status}");

        Assert.True(status == result.ExitCode, result.ToString());
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Missing_command_exits_127_and_names_it()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "no-such-command-xyz", "arg");

        Assert.True(result.ExitCode == 127, result.ToString());
        Assert.Contains("no-such-command-xyz", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task File_that_is_not_executable_exits_126()
    {
        Engine.RequireEngine();
        Project.WriteFile("not-executable.sh", "#!/bin/sh\necho never\n");

        var result = await Project.IsoAsync("run", "./not-executable.sh");

        Assert.True(result.ExitCode == 126, result.ToString());
        Assert.DoesNotContain("never", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Command_killed_by_a_signal_exits_128_plus_the_signal()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "sh", "-c", "kill -TERM $$");

        Assert.True(result.ExitCode == 143, result.ToString());
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Fresh_run_leaves_no_container_behind()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        var containers = await Engine.ContainersAsync(Project.Root);
        Assert.Empty(containers);
    }
}
