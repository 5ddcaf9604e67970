using System.Diagnostics;

namespace Iso.Tests.Integration;

/// <summary>The xunit collection of tests that restart dockerd, which run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DockerdRestartCollection
{
    public const string Name = "dockerd restart";
}

/// <summary>
/// A session survives a restart of the engine: of a private dockerd started for the test, and,
/// only with <c>ISO_TEST_DOCKERD_RESTART=1</c>, of the machine's own dockerd, which stops every
/// container on the machine and must have been started by <c>scripts/setup.sh</c>.
/// </summary>
[Collection(DockerdRestartCollection.Name)]
public sealed class EngineFaultRestartTests : IAsyncLifetime
{
    private const string OptInVariable = "ISO_TEST_DOCKERD_RESTART";

    private static readonly TimeSpan EngineStartLimit = TimeSpan.FromSeconds(60);

    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableFact(Timeout = 180_000)]
    public async Task Reused_session_recovers_after_a_private_engine_restart()
    {
        Engine.RequireEngine();
        Skip.If(PrivateDockerd.Unavailable() is not null, PrivateDockerd.Unavailable());
        await using var engine = await PrivateDockerd.StartAsync();
        await engine.CopyImageAsync(TestProject.BusyboxImage);
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = engine.Endpoint };

        var before = await _project.IsoWithEnvironmentAsync(environment, "run", "--reuse", "echo", "before");
        await engine.RestartAsync();
        var after = await _project.IsoWithEnvironmentAsync(environment, "run", "--reuse", "echo", "after");
        var fresh = await _project.IsoWithEnvironmentAsync(environment, "run", "echo", "fresh");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("after\n", after.StandardOutput);
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Equal("fresh\n", fresh.StandardOutput);
    }

    [SkippableFact(Timeout = 180_000)]
    public async Task Reused_session_recovers_after_a_dockerd_restart()
    {
        Engine.RequireEngine();
        Skip.IfNot(
            Environment.GetEnvironmentVariable(OptInVariable) == "1",
            $"restarts dockerd for the whole machine; set {OptInVariable}=1 to run it");

        var before = await _project.IsoAsync("run", "--reuse", "sh", "-c", "echo before");
        await RestartDockerdAsync();
        var after = await _project.IsoAsync("run", "--reuse", "sh", "-c", "echo after");
        var fresh = await _project.IsoAsync("run", "sh", "-c", "echo fresh");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("after\n", after.StandardOutput);
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Equal("fresh\n", fresh.StandardOutput);
    }

    /// <summary>
    /// Stops dockerd and starts it the way <c>scripts/setup.sh</c> does, then waits until
    /// <c>docker version</c> succeeds.
    /// </summary>
    private static async Task RestartDockerdAsync()
    {
        const string script = """
            pid=$(cat /var/run/docker.pid)
            kill "$pid"
            while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
            nohup dockerd >/var/log/iso-dockerd.log 2>&1 &
            """;
        var stopAndStart = await RunShellAsync(script);
        Assert.True(stopAndStart.ExitCode == 0, $"restarting dockerd failed: {stopAndStart.Output}");

        var clock = Stopwatch.StartNew();
        while ((await RunShellAsync("docker version")).ExitCode != 0)
        {
            Assert.True(clock.Elapsed < EngineStartLimit, "dockerd did not answer after the restart");
            await Task.Delay(500);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunShellAsync(string script)
    {
        var startInfo = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("sh did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
