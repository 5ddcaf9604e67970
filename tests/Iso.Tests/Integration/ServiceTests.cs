using System.Diagnostics;

namespace Iso.Tests.Integration;

public sealed class ServiceTests : IAsyncLifetime
{
    private readonly TestProject _project = new(baseImage: TestProject.DebianImage);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableFact(Timeout = 240_000)]
    public async Task Redis_and_postgres_answer_on_the_first_run()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(ServiceDefinitions.Redis, ServiceDefinitions.Postgres));
        await _project.IsoAsync("stop");

        var result = await _project.IsoAsync(
            "run", "sh", "-c", "redis-cli -h redis ping && psql -h postgres -U postgres -tAc 'select 20 + 22'");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PONG\n42\n", result.StandardOutput);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Slow_service_is_waited_for()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(ServiceDefinitions.SlowRedis("cache", 5)));

        var result = await _project.IsoAsync("run", "redis-cli", "-h", "cache", "ping");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PONG\n", result.StandardOutput);
        Assert.Contains("waiting for cache", result.StandardError);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Service_that_never_opens_its_port_fails_after_its_timeout()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", """
            services:
              mute:
                image: iso-base/debian:bookworm
                command: [sh, -c, "echo mute-is-alive; exec sleep 1000"]
                port: 7000
                ready_timeout: 3
            """);
        var clock = Stopwatch.StartNew();

        var result = await _project.IsoAsync("run", "echo", "never");

        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Equal("", result.StandardOutput);
        Assert.Contains("service mute did not accept connections on mute:7000", result.StandardError);
        Assert.Contains("mute | mute-is-alive", result.StandardError);
        Assert.Matches(@"after [0-9.]+ s and [0-9]+ attempts", result.StandardError);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(3), "iso gave up before ready_timeout");
        Assert.Equal([$"/{_project.Name}-mute"], (await Engine.ContainersAsync(_project.Root)).Select(c => c.Names!.Single()));
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Crashing_service_fails_at_once_with_its_log()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", """
            services:
              flaky:
                image: iso-base/debian:bookworm
                command: [sh, -c, "echo flaky-says-goodbye; sleep 1; exit 3"]
                port: 7000
                ready_timeout: 120
            """);
        var clock = Stopwatch.StartNew();

        var result = await _project.IsoAsync("run", "echo", "never");

        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Contains("service flaky exited with status 3", result.StandardError);
        Assert.Contains("flaky | flaky-says-goodbye", result.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}, as if waiting for the timeout");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Services_start_in_parallel()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(
            ServiceDefinitions.SlowRedis("one", 4), ServiceDefinitions.SlowRedis("two", 4)));
        await _project.IsoAsync("build");
        var clock = Stopwatch.StartNew();

        var result = await _project.IsoAsync("run", "sh", "-c", "redis-cli -h one ping; redis-cli -h two ping");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("PONG\nPONG\n", result.StandardOutput);
        // One after the other would take at least 8 s; in parallel it is about 4 s plus start-up.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7.5), $"took {clock.Elapsed}");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Running_services_are_reused_and_a_changed_one_is_recreated()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(ServiceDefinitions.Redis, """
              other:
                image: iso-base/debian:bookworm
                command: [sleep, "1000"]
                environment:
                  MODE: first
            """));
        await _project.IsoAsync("run", "true");
        var before = await ServiceIdsAsync();

        var again = await _project.IsoAsync("run", "true");
        var afterReuse = await ServiceIdsAsync();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(ServiceDefinitions.Redis, """
              other:
                image: iso-base/debian:bookworm
                command: [sleep, "1000"]
                environment:
                  MODE: second
            """));
        var changed = await _project.IsoAsync("run", "true");
        var afterChange = await ServiceIdsAsync();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, afterReuse);
        Assert.Contains("recreating service other", changed.StandardError);
        Assert.DoesNotContain("recreating service redis", changed.StandardError);
        Assert.Equal(before["redis"], afterChange["redis"]);
        Assert.NotEqual(before["other"], afterChange["other"]);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Sessions_have_their_own_services()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(ServiceDefinitions.Redis));

        var a = await _project.IsoAsync("run", "-s", "a", "redis-cli", "-h", "redis", "set", "k", "from-a");
        var b = await _project.IsoAsync("run", "-s", "b", "redis-cli", "-h", "redis", "get", "k");
        var stop = await _project.IsoAsync("stop", "-s", "a");
        var names = (await Engine.ContainersAsync(_project.Root)).Select(c => c.Names!.Single()).ToList();

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.Equal("\n", b.StandardOutput);
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal([$"/{_project.Name}-b-redis"], names);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Stop_leaves_nothing_of_the_session()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", """
            services:
              store:
                image: iso-base/debian:bookworm
                command: [sleep, "1000"]
                volumes: ["data:/data"]
            """);
        var run = await _project.IsoAsync("run", "--reuse", "true");
        var volumes = await Engine.VolumesAsync(_project.Root);

        var stop = await _project.IsoAsync("stop");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"{_project.Name}-store-data"], volumes.Select(volume => volume.Name));
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));
        Assert.Empty(await Engine.VolumesAsync(_project.Root));
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Logs_and_status_show_the_service()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", ServiceDefinitions.File(ServiceDefinitions.Redis));
        var start = await _project.IsoAsync("start");

        var logs = await _project.IsoAsync("logs", "redis");
        var status = await _project.IsoAsync("status", "--json");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("Ready to accept connections", logs.StandardOutput + logs.StandardError);
        Assert.Contains("\"name\": \"redis\"", status.StandardOutput);
        Assert.Contains("\"state\": \"running\"", status.StandardOutput);
        Assert.Contains("\"readiness\": \"ready\"", status.StandardOutput);
    }

    [SkippableTheory(Timeout = 60_000)]
    [InlineData("services:\n  Bad_Name:\n    image: x\n", "Bad_Name")]
    [InlineData("services:\n  web:\n    image: x\n    port: 70000\n", "port")]
    [InlineData("services:\n  web:\n    port: 80\n", "image")]
    public async Task Invalid_services_file_creates_nothing(string yaml, string expected)
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", yaml);

        var result = await _project.IsoAsync("run", "true");

        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Contains(".iso/services.yml", result.StandardError);
        Assert.Contains(expected, result.StandardError);
        Assert.Empty(await Engine.ContainersAsync(_project.Root));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));
    }

    private async Task<Dictionary<string, string>> ServiceIdsAsync() =>
        (await Engine.ContainersAsync(_project.Root))
            .Where(container => container.Labels!["iso.role"] == "service")
            .ToDictionary(container => container.Labels!["iso.service"], container => container.ID);

    [SkippableFact(Timeout = 240_000)]
    public async Task Sigint_ends_the_wait_for_a_service()
    {
        Engine.RequireEngine();
        _project.WriteFile(".iso/services.yml", """
            services:
              mute:
                image: iso-base/debian:bookworm
                command: [sleep, "1000"]
                port: 7000
                ready_timeout: 120
            """);
        await _project.IsoAsync("build");
        using var iso = BackgroundIso.Start(_project.Root, ["run", "echo", "never"]);
        await iso.WaitForErrorOutputAsync("waiting for mute", TimeSpan.FromSeconds(60));

        iso.Signal(2);
        var result = await iso.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Equal("", result.StandardOutput);
        var left = (await Engine.ContainersAsync(_project.Root)).Select(c => c.Names!.Single());
        Assert.Equal([$"/{_project.Name}-mute"], left);
    }
}
