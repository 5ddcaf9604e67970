namespace Iso.Tests.Integration;

public sealed class RunWordsAndDirectoryTests(SharedProject shared) : IClassFixture<SharedProject>
{
    private TestProject Project => shared.Project;

    [SkippableFact(Timeout = 120_000)]
    public async Task Command_runs_in_the_matching_subdirectory()
    {
        Engine.RequireEngine();
        var subdirectory = Project.Subdirectory("sub/dir");

        var result = await Project.IsoInAsync(subdirectory, "run", "pwd");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("/workspace/sub/dir\n", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task File_written_by_the_command_appears_on_the_host()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "sh", "-c", "echo made-inside > made.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("made-inside\n", File.ReadAllText(Path.Combine(Project.Root, "made.txt")));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Assignments_set_environment_variables_verbatim()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync(
            "run", "A=x=y", "B=two words", "C=", "D='q\"", "sh", "-c",
            "printf '%s|%s|%s|%s|%s' \"$A\" \"$B\" \"$C\" \"${C-unset}\" \"$D\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("x=y|two words|||'q\"", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Iso_variables_are_set_for_the_command()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync(
            "run", "sh", "-c", "echo $ISO_WORKDIR $ISO_SESSION $ISO_PROJECT $ISO_UID");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"/workspace default {Project.Name} 0\n", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Option_words_after_the_command_belong_to_it()
    {
        Engine.RequireEngine();
        Project.WriteFile("words.txt", "x\n");

        var grep = await Project.IsoAsync("run", "grep", "-s", "x", "words.txt");
        var echo = await Project.IsoAsync("run", "echo", "--", "-s", "--help");

        Assert.True(grep.ExitCode == 0, grep.ToString());
        Assert.Equal("x\n", grep.StandardOutput);
        Assert.True(echo.ExitCode == 0, echo.ToString());
        Assert.Equal("-- -s --help\n", echo.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Double_dash_ends_iso_options()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "--", "echo", "hi");
        var assignmentAfterDash = await Project.IsoAsync("run", "--", "X=1", "sh", "-c", "echo $X");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("hi\n", result.StandardOutput);
        Assert.Equal("1\n", assignmentAfterDash.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Run_without_a_command_is_a_usage_error()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "A=1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("missing command", result.StandardError);
    }
}
