using System.Diagnostics;
using Iso.Native;

namespace Iso.Tests.Integration;

/// <summary>
/// Nothing outlives iso: no fresh container after any run, failure or interruption, nothing at
/// all after <c>iso stop</c>, and no zombie process in a container.
/// </summary>
public sealed class LeakTests : IAsyncLifetime
{
    // 12 rounds of 10 runs in each of two sessions, then 40 runs with a broken config.yml. These
    // 280 runs, four at a time, took about a minute on a 2-core machine while other test classes
    // ran beside them.
    private const int Rounds = 12;
    private const int BadConfigRuns = 40;
    private const int Parallelism = 4;

    private const string GoodConfig = "volumes:\n  - /data\n";

    // A run that hangs because a signal was lost shows up as a run over this limit.
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(20);

    private readonly TestProject _project = new();

    private enum RunKind
    {
        Succeeds,
        Fails,
        NotFound,
        InterruptedWhenRunning,
        InterruptedAtOnce,
    }

    public Task InitializeAsync()
    {
        _project.WriteFile(".iso/config.yml", GoodConfig);
        _project.WriteFile(".iso/post-run.sh", "true\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableFact(Timeout = 300_000)]
    public async Task Mixed_runs_leave_nothing_after_stop()
    {
        Engine.RequireEngine();
        await _project.IsoAsync("build");
        var runs = PlanRuns().ToList();
        var unexpected = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(
            runs,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (run, _) =>
            {
                if (await RunAsync(run) is { } problem)
                {
                    unexpected.Add(problem);
                }
            });
        var badConfigProblems = await RunWithBadConfigAsync();
        var containersAfterRuns = await Engine.ContainersAsync(_project.Root);
        var stop = await _project.IsoAsync("stop", "--all-sessions");

        Assert.Empty(unexpected);
        Assert.Empty(badConfigProblems);
        Assert.DoesNotContain(
            containersAfterRuns, container => container.Labels?[Naming.Labels.Role] == Naming.Labels.RoleRun);
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));
        Assert.Empty(await Engine.VolumesAsync(_project.Root));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Orphans_of_reused_runs_are_reaped()
    {
        Engine.RequireEngine();
        var orphans = "sleep 0.1 & sleep 0.3 & (sleep 0.2 &); (sh -c 'sleep 0.1 &' &); exit 0";

        for (var run = 0; run < 5; run++)
        {
            var result = await _project.IsoAsync("run", "--reuse", "sh", "-c", orphans);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        // The orphans exit within 0.3 s and init reaps them soon after.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var processes = await _project.IsoAsync("run", "--reuse", "ps", "-o", "stat,pid,args");
        Assert.True(processes.ExitCode == 0, processes.ToString());
        Assert.Empty(Zombies(processes.StandardOutput));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Orphans_during_a_fresh_run_are_reaped()
    {
        Engine.RequireEngine();
        var script = "for i in 1 2 3; do (sleep 0.1 &); (sh -c 'sleep 0.1 &' &); done; "
            + "sleep 1; ps -o stat,pid,args";

        var result = await _project.IsoAsync("run", "sh", "-c", script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ps -o stat,pid,args", result.StandardOutput);
        Assert.Empty(Zombies(result.StandardOutput));
    }

    /// <summary>The lines of <c>ps -o stat,pid,args</c> whose state is Z.</summary>
    private static List<string> Zombies(string psOutput) =>
        psOutput.Split('\n').Where(line => line.TrimStart().StartsWith('Z')).ToList();

    /// <summary>Each round's ten runs, in sessions a and b, fresh and with --reuse.</summary>
    private static IEnumerable<(RunKind Kind, string Session, bool Reuse)> PlanRuns()
    {
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var session in new[] { "a", "b" })
            {
                var reuse = round % 2 == 0;
                yield return (RunKind.Succeeds, session, reuse);
                yield return (RunKind.Succeeds, session, !reuse);
                yield return (RunKind.Fails, session, reuse);
                yield return (RunKind.Fails, session, !reuse);
                yield return (RunKind.NotFound, session, reuse);
                yield return (RunKind.NotFound, session, !reuse);
                yield return (RunKind.InterruptedWhenRunning, session, reuse);
                yield return (RunKind.InterruptedWhenRunning, session, !reuse);
                yield return (RunKind.InterruptedAtOnce, session, reuse);
                yield return (RunKind.InterruptedAtOnce, session, !reuse);
            }
        }
    }

    /// <summary>Runs one planned run; returns a description of what went wrong, or null.</summary>
    private async Task<string?> RunAsync((RunKind Kind, string Session, bool Reuse) run)
    {
        var arguments = new List<string> { "run", "--session", run.Session };
        if (run.Reuse)
        {
            arguments.Add("--reuse");
        }

        var (command, expected) = run.Kind switch
        {
            RunKind.Succeeds => (new[] { "true" }, 0),
            RunKind.Fails => (["sh", "-c", "exit 3"], 3),
            RunKind.NotFound => (["no-such-command"], 127),
            _ => (new[] { "sh", "-c", "echo ready; exec sleep 60" }, 130),
        };
        arguments.AddRange(command);

        var clock = Stopwatch.StartNew();
        var result = run.Kind switch
        {
            RunKind.InterruptedWhenRunning => await InterruptAsync(arguments, waitForReady: true),
            RunKind.InterruptedAtOnce => await InterruptAsync(arguments, waitForReady: false),
            _ => await IsoProcess.RunAsync(_project.Root, arguments, timeout: RunLimit),
        };

        return result.ExitCode == expected && clock.Elapsed < RunLimit
            ? null
            : $"{run}: expected {expected}, took {clock.Elapsed.TotalSeconds:0.0} s, {result}";
    }

    /// <summary>
    /// Sends SIGINT once the command runs, or after a random delay of up to 0.5 s, which lands
    /// anywhere from iso's start-up to the command.
    /// </summary>
    private async Task<IsoResult> InterruptAsync(List<string> arguments, bool waitForReady)
    {
        using var iso = BackgroundIso.Start(_project.Root, arguments);
        if (waitForReady)
        {
            await iso.WaitForOutputAsync("ready", RunLimit);
        }
        else
        {
            await Task.Delay(Random.Shared.Next(0, 500));
        }

        iso.Signal(LibC.SIGINT);
        return await iso.WaitForExitAsync(RunLimit);
    }

    /// <summary>Runs with an invalid config.yml, which must fail before anything is created.</summary>
    private async Task<List<string>> RunWithBadConfigAsync()
    {
        var before = (await Engine.ContainersAsync(_project.Root)).Count;
        _project.WriteFile(".iso/config.yml", "volumes: [/data\n");
        var problems = new List<string>();
        try
        {
            for (var run = 0; run < BadConfigRuns; run++)
            {
                string[] reuse = run % 2 == 0 ? ["--reuse"] : [];
                var session = run % 4 < 2 ? "a" : "b";
                var result = await _project.IsoAsync(["run", "--session", session, .. reuse, "true"]);
                if (result.ExitCode != 125 || !result.StandardError.Contains(".iso/config.yml"))
                {
                    problems.Add($"bad config run {run}: {result}");
                }
            }
        }
        finally
        {
            _project.WriteFile(".iso/config.yml", GoodConfig);
        }

        var after = (await Engine.ContainersAsync(_project.Root)).Count;
        if (after != before)
        {
            problems.Add($"bad config runs changed the number of containers from {before} to {after}");
        }

        return problems;
    }
}
