using System.Diagnostics;
using Iso.Native;

namespace Iso.Tests.Integration;

/// <summary>
/// A command that ignores SIGINT and SIGTERM is killed 10 s after the first one, or at once on a
/// second one. Post-run still runs, and the fresh container is removed.
/// </summary>
public sealed class SignalEscalationTests : IAsyncLifetime
{
    private const string IgnoringScript = "trap '' INT TERM; echo ready; while :; do sleep 0.1; done";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly TestProject _project = new();

    public Task InitializeAsync()
    {
        _project.WriteFile(".iso/post-run.sh", "#!/bin/sh\necho \"$ISO_EXIT_CODE\" > \"$POST_FILE\"\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Command_ignoring_sigterm_is_killed_after_ten_seconds(bool reuse)
    {
        Engine.RequireEngine();
        var postFile = $"post-{Guid.NewGuid():N}.txt";
        using var iso = await StartIgnoringCommandAsync(reuse, postFile);

        var clock = Stopwatch.StartNew();
        iso.Signal(LibC.SIGTERM);
        var result = await iso.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed;

        Assert.True(result.ExitCode == 137, result.ToString());
        Assert.True(elapsed >= TimeSpan.FromSeconds(9.5), $"killed after {elapsed.TotalSeconds:0.0} s");
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"killed after {elapsed.TotalSeconds:0.0} s");
        Assert.Equal("137", ReadPostRunStatus(postFile));
        await AssertNothingLeftAsync(reuse);
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Second_sigint_kills_the_command_at_once(bool reuse)
    {
        Engine.RequireEngine();
        var postFile = $"post-{Guid.NewGuid():N}.txt";
        using var iso = await StartIgnoringCommandAsync(reuse, postFile);

        var clock = Stopwatch.StartNew();
        iso.Signal(LibC.SIGINT);
        await Task.Delay(500);
        iso.Signal(LibC.SIGINT);
        var result = await iso.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed;

        Assert.True(result.ExitCode == 137, result.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"killed after {elapsed.TotalSeconds:0.0} s");
        Assert.Equal("137", ReadPostRunStatus(postFile));
        await AssertNothingLeftAsync(reuse);
    }

    private async Task<BackgroundIso> StartIgnoringCommandAsync(bool reuse, string postFile)
    {
        var arguments = new List<string> { "run" };
        if (reuse)
        {
            arguments.Add("--reuse");
        }

        arguments.AddRange([$"POST_FILE={postFile}", "sh", "-c", IgnoringScript]);
        var iso = BackgroundIso.Start(_project.Root, arguments);
        try
        {
            await iso.WaitForOutputAsync("ready", ReadyTimeout);
            return iso;
        }
        catch
        {
            iso.Dispose();
            throw;
        }
    }

    private string ReadPostRunStatus(string postFile)
    {
        var path = Path.Combine(_project.Root, postFile);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "(no post-run)";
    }

    /// <summary>No fresh container is left, and a persistent one runs nothing but its init.</summary>
    private async Task AssertNothingLeftAsync(bool reuse)
    {
        var containers = await Engine.ContainersAsync(_project.Root);
        Assert.DoesNotContain(
            containers, container => container.Labels?[Naming.Labels.Role] == Naming.Labels.RoleRun);
        if (reuse)
        {
            var processes = await _project.IsoAsync("run", "--reuse", "ps", "-o", "args");
            Assert.DoesNotContain("while :", processes.StandardOutput);
        }
    }
}
