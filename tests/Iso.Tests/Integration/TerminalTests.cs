using System.Text;
using System.Text.RegularExpressions;
using Iso.Native;

namespace Iso.Tests.Integration;

/// <summary>
/// iso's standard streams in a real terminal, a tmux pane, and redirected: plain bytes at the
/// shell's file offset without a terminal, and an interactive shell with the pane's size,
/// working Ctrl-C and the host terminal restored afterwards with one.
/// </summary>
public sealed class TerminalTests(TerminalProject shared) : IClassFixture<TerminalProject>
{
    private const int Columns = 100;
    private const int Rows = 30;
    // bash expands the arithmetic when it prints the prompt, so the typed command line, which
    // contains the unexpanded text, never matches the printed prompt.
    private const string InsidePrompt = "[in-$((1+1))]$ ";
    private const string PrintedInsidePrompt = "[in-2]$";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private TestProject Project => shared.Project;

    private static string Iso => $"'{IsoProcess.BinaryPath}'";

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Piped_output_has_no_carriage_returns(bool reuse)
    {
        Engine.RequireEngine();
        using var tmux = await TmuxSession.StartAsync(Project.Root, Columns, Rows);
        var output = $"ls-{Guid.NewGuid():N}.out";

        tmux.TypeLine($"{Iso} run {ReuseOption(reuse)} ls | cat > {output}; echo \"ls-done-$((40+2))\"");
        await tmux.WaitForTextAsync("ls-done-42", StepTimeout);

        var bytes = File.ReadAllBytes(Path.Combine(Project.Root, output));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.StartsWith("alpha\nbeta\n", Encoding.UTF8.GetString(bytes));
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redirected_streams_share_the_file_offset_with_the_shell(bool reuse)
    {
        Engine.RequireEngine();
        var input = Project.WriteFile($"input-{Guid.NewGuid():N}.txt", "one\ntwo\n");
        var output = Path.Combine(Project.Root, $"output-{Guid.NewGuid():N}.txt");
        var iso = $"{Iso} run {ReuseOption(reuse)}";

        // Without a terminal iso writes and reads at the offset it shares with the shell, so
        // the echo after it appends, and the cat after it finds the input consumed.
        var script = $"{{ echo before; {iso} cat; echo after; cat; }} < {input} > {output}";
        var shell = await RunShellAsync(script);

        Assert.True(shell.ExitCode == 0, shell.Output);
        Assert.Equal("before\none\ntwo\nafter\n", await File.ReadAllTextAsync(output));
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Interactive_bash_has_the_pane_size_and_follows_resizes(bool reuse)
    {
        Engine.RequireEngine();
        using var tmux = await StartInsideBashAsync(reuse);

        var first = await ReadSizeAsync(tmux, "first");
        tmux.Resize(120, 40);
        var resized = await ReadSizeAsync(tmux, "resized", expected: "40 120");

        Assert.Equal($"{Rows} {Columns}", first);
        Assert.Equal("40 120", resized);
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ctrl_c_interrupts_the_command_and_the_shell_survives(bool reuse)
    {
        Engine.RequireEngine();
        using var tmux = await StartInsideBashAsync(reuse);

        tmux.TypeLine("sleep 100");
        await Task.Delay(TimeSpan.FromSeconds(1));
        tmux.SendKeys("C-c");
        tmux.TypeLine("echo \"alive-after-$?\"");
        await tmux.WaitForTextAsync("alive-after-130", StepTimeout);
        tmux.TypeLine("exit 3");
        await tmux.WaitForHostPromptAsync(StepTimeout);
        tmux.TypeLine("echo \"iso-exit-$?\"");

        await tmux.WaitForTextAsync("iso-exit-3", StepTimeout);
    }

    [SkippableTheory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Host_terminal_settings_are_the_same_after_a_run(bool reuse)
    {
        Engine.RequireEngine();
        using var tmux = await TmuxSession.StartAsync(Project.Root, Columns, Rows);
        var before = await SaveTerminalSettingsAsync(tmux, "before");

        tmux.TypeLine($"{Iso} run {ReuseOption(reuse)} PS1='{InsidePrompt}' bash --norc --noprofile");
        await tmux.WaitForTextAsync(PrintedInsidePrompt, StepTimeout);
        tmux.TypeLine("exit");
        await tmux.WaitForHostPromptAsync(StepTimeout);
        var after = await SaveTerminalSettingsAsync(tmux, "after");

        Assert.Equal(before, after);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Host_terminal_is_restored_when_iso_gets_sigterm()
    {
        Engine.RequireEngine();
        using var tmux = await TmuxSession.StartAsync(Project.Root, Columns, Rows);
        var before = await SaveTerminalSettingsAsync(tmux, "before");
        var pidFile = Path.Combine(Project.Root, $"iso-{Guid.NewGuid():N}.pid");

        // exec keeps the pid that sh wrote to the file; the marker is computed so that the
        // typed line does not match it.
        var command = $"exec \"{IsoProcess.BinaryPath}\" run sh -c \"echo ready-$((6*7)); exec sleep 100\"";
        tmux.TypeLine($"sh -c 'echo $$ > {pidFile}; {command}'");
        await tmux.WaitForTextAsync("ready-42", StepTimeout);
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
        var killed = LibC.Kill(pid, LibC.SIGTERM);
        await tmux.WaitForHostPromptAsync(StepTimeout);
        tmux.TypeLine("echo \"iso-exit-$?\"");
        await tmux.WaitForTextAsync("iso-exit-143", StepTimeout);
        var after = await SaveTerminalSettingsAsync(tmux, "after");

        Assert.Equal(0, killed);
        Assert.Equal(before, after);
    }

    private static string ReuseOption(bool reuse) => reuse ? "--reuse" : "";

    private async Task<(int ExitCode, string Output)> RunShellAsync(string script)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("sh")
        {
            WorkingDirectory = Project.Root,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        startInfo.Environment["PWD"] = Project.Root;
        startInfo.Environment.Remove("ISO_SESSION");
        using var process = System.Diagnostics.Process.Start(startInfo)
            ?? throw new InvalidOperationException("sh did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    /// <summary>Starts bash in the container, in a new pane, and waits for its first prompt.</summary>
    private async Task<TmuxSession> StartInsideBashAsync(bool reuse)
    {
        var tmux = await TmuxSession.StartAsync(Project.Root, Columns, Rows);
        try
        {
            tmux.TypeLine($"{Iso} run {ReuseOption(reuse)} PS1='{InsidePrompt}' bash --norc --noprofile");
            await tmux.WaitForTextAsync(PrintedInsidePrompt, StepTimeout);
            return tmux;
        }
        catch
        {
            tmux.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Prints <c>stty size</c> inside the container, tagged so that the typed command line does
    /// not match. With <paramref name="expected"/>, prints it again until it shows up, for up to
    /// 5 s, because a resize reaches the container a moment later.
    /// </summary>
    private static async Task<string> ReadSizeAsync(TmuxSession tmux, string tag, string? expected = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            tmux.TypeLine($"echo \"{tag}{attempt}=[$(stty size)]\"");
            var pattern = new Regex($@"{tag}{attempt}=\[(\d+ \d+)\]");
            var size = (await tmux.WaitForMatchAsync(pattern, StepTimeout)).Groups[1].Value;
            if (expected is null || size == expected || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return size;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Returns the host terminal's <c>stty -a</c>, run by the pane's shell.</summary>
    private async Task<string> SaveTerminalSettingsAsync(TmuxSession tmux, string name)
    {
        var path = Path.Combine(Project.Root, $"stty-{name}-{Guid.NewGuid():N}.txt");
        tmux.TypeLine($"stty -a > {path}; echo \"saved-{name}-$((1+1))\"");
        await tmux.WaitForTextAsync($"saved-{name}-2", StepTimeout);
        return await File.ReadAllTextAsync(path);
    }
}
