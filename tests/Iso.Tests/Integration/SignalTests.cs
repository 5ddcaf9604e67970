using Iso.Native;

namespace Iso.Tests.Integration;

/// <summary>
/// Signals sent to the host iso without a terminal: they reach the command in the container,
/// post-run still runs, and iso exits with the command's status.
/// </summary>
public sealed class SignalTests : IAsyncLifetime
{
    /// <summary>Exits 42 on SIGINT and 43 on SIGTERM.</summary>
    private const string TrappingScript =
        "trap 'exit 42' INT; trap 'exit 43' TERM; echo ready; while :; do sleep 0.1; done";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    // Well below the 10 s after which iso kills a command that ignores the signal.
    private static readonly TimeSpan PromptExit = TimeSpan.FromSeconds(8);

    private readonly TestProject _project = new();

    public Task InitializeAsync()
    {
        _project.WriteFile(".iso/post-run.sh", "#!/bin/sh\necho \"$ISO_EXIT_CODE\" > \"$POST_FILE\"\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(LibC.SIGINT, false, 42)]
    [InlineData(LibC.SIGINT, true, 42)]
    [InlineData(LibC.SIGTERM, false, 43)]
    [InlineData(LibC.SIGTERM, true, 43)]
    public async Task Trapped_signal_sets_the_exit_status(int signal, bool reuse, int expected)
    {
        Engine.RequireEngine();

        var (result, postRunStatus) = await RunAndSignalAsync(reuse, TrappingScript, signal);

        Assert.True(result.ExitCode == expected, result.ToString());
        Assert.Equal("ready\n", result.StandardOutput);
        Assert.Equal($"{expected}", postRunStatus);
        await AssertNoRunContainerAsync();
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(LibC.SIGINT, false, 130)]
    [InlineData(LibC.SIGINT, true, 130)]
    [InlineData(LibC.SIGTERM, false, 143)]
    [InlineData(LibC.SIGTERM, true, 143)]
    public async Task Untrapped_signal_ends_the_command_with_128_plus_its_number(
        int signal, bool reuse, int expected)
    {
        Engine.RequireEngine();

        var (result, postRunStatus) = await RunAndSignalAsync(reuse, "echo ready; exec sleep 60", signal);

        Assert.True(result.ExitCode == expected, result.ToString());
        Assert.Equal($"{expected}", postRunStatus);
        await AssertNoRunContainerAsync();
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sighup_ends_the_command_and_cleans_up(bool reuse)
    {
        Engine.RequireEngine();

        var script = "echo ready; exec sleep 60";
        var (result, postRunStatus) = await RunAndSignalAsync(reuse, script, LibC.SIGHUP);

        Assert.True(result.ExitCode == 129, result.ToString());
        Assert.Equal("129", postRunStatus);
        await AssertNoRunContainerAsync();
        if (reuse)
        {
            var processes = await _project.IsoAsync("run", "--reuse", "ps", "-o", "args");
            Assert.DoesNotContain("sleep 60", processes.StandardOutput);
        }
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Closed_stdout_pipe_ends_the_command_with_sigpipe(bool reuse)
    {
        Engine.RequireEngine();
        string[] arguments = reuse ? ["run", "--reuse", "yes"] : ["run", "yes"];
        using var process = IsoProcess.Start(_project.Root, arguments);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();

        // What `iso run yes | head -n 1` does: read a line, then close the pipe.
        var firstLine = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close();
        var exited = await WaitForExitAsync(process, TimeSpan.FromSeconds(20));

        Assert.Equal("y", firstLine);
        var stderrSoFar = await ReadIfDoneAsync(stderr);
        Assert.True(exited, $"iso still runs 20 s after its stdout was closed\n{stderrSoFar}");
        Assert.True(process.ExitCode == 141, $"exit {process.ExitCode}\n{await stderr}");
        await AssertNoRunContainerAsync();
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Killed_iso_leaves_a_container_the_next_command_removes()
    {
        Engine.RequireEngine();
        using var iso = BackgroundIso.Start(_project.Root, ["run", "sh", "-c", "echo ready; exec sleep 300"]);
        await iso.WaitForOutputAsync("ready", ReadyTimeout);

        iso.Signal(LibC.SIGKILL);
        var killed = await iso.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var status = await _project.IsoAsync("status");

        Assert.Equal(137, killed.ExitCode);
        Assert.True(status.ExitCode == 0, status.ToString());

        // Any iso on this engine may sweep the orphan, including one of a test running in
        // parallel. The engine then lists it for a moment longer, while it removes it.
        await WaitUntilAsync(async () => (await RunContainersAsync()).Count == 0, TimeSpan.FromSeconds(5));
        Assert.Empty(await RunContainersAsync());
    }

    /// <summary>
    /// Starts <c>iso run [--reuse] sh -c SCRIPT</c>, sends the signal once the script printed
    /// <c>ready</c>, and returns iso's result with the status that post-run received.
    /// </summary>
    private async Task<(IsoResult Result, string PostRunStatus)> RunAndSignalAsync(
        bool reuse, string script, int signal)
    {
        var postFile = $"post-{Guid.NewGuid():N}.txt";
        var arguments = new List<string> { "run" };
        if (reuse)
        {
            arguments.Add("--reuse");
        }

        arguments.AddRange([$"POST_FILE={postFile}", "sh", "-c", script]);
        using var iso = BackgroundIso.Start(_project.Root, arguments);
        await iso.WaitForOutputAsync("ready", ReadyTimeout);

        iso.Signal(signal);
        var result = await iso.WaitForExitAsync(PromptExit);

        var postPath = Path.Combine(_project.Root, postFile);
        var postRunStatus = File.Exists(postPath) ? File.ReadAllText(postPath).Trim() : "(no post-run)";
        return (result, postRunStatus);
    }

    private async Task AssertNoRunContainerAsync() => Assert.Empty(await RunContainersAsync());

    /// <summary>The fresh per-run containers of the project, without the persistent one.</summary>
    private async Task<List<string>> RunContainersAsync() =>
        (await Engine.ContainersAsync(_project.Root))
            .Where(container => container.Labels?[Naming.Labels.Role] == Naming.Labels.RoleRun)
            .Select(container => container.Names!.Single())
            .ToList();

    /// <summary>Returns false, after killing the process, when it runs longer than the timeout.</summary>
    private static async Task<bool> WaitForExitAsync(System.Diagnostics.Process process, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static async Task<string> ReadIfDoneAsync(Task<string> read) =>
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2))) == read ? await read : "";

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
