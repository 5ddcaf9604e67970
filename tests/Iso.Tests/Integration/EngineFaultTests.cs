using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Iso.Tests.Integration;

/// <summary>
/// An engine that cannot be reached is reported within 2 s, with exit status 125, in one line
/// that names the endpoint and how to select or start an engine.
/// </summary>
public sealed class EngineFaultTests : IAsyncLifetime
{
    // The whole invocation, process start included, as a user would time it. No margin is
    // added: iso gives the engine 1.5 s and needs a few milliseconds around that.
    private static readonly TimeSpan ReportLimit = TimeSpan.FromSeconds(2);

    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableTheory(Timeout = 60_000)]
    [InlineData("run true")]
    [InlineData("run --reuse true")]
    [InlineData("build")]
    [InlineData("start")]
    [InlineData("status")]
    [InlineData("stop")]
    public async Task Missing_engine_socket_is_reported_within_two_seconds(string words)
    {
        Engine.RequireEngine();

        var (result, elapsed) = await RunWithEngineAsync("unix:///nonexistent.sock", words);

        AssertUnreachableReport(result, "unix:///nonexistent.sock");
        Assert.Contains("/nonexistent.sock does not exist", result.StandardError);
        Assert.True(elapsed < ReportLimit, $"took {elapsed.TotalMilliseconds:0} ms");
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Engine_that_never_answers_is_reported_within_two_seconds()
    {
        Engine.RequireEngine();
        var directory = Directory.CreateTempSubdirectory("iso-silent-engine-");
        try
        {
            // The kernel completes connections into the backlog, but the test never accepts them,
            // so no request gets a response.
            var path = Path.Combine(directory.FullName, "docker.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(16);

            var (result, elapsed) = await RunWithEngineAsync($"unix://{path}", "run true");

            AssertUnreachableReport(result, $"unix://{path}");
            Assert.Contains("no answer within 1.5 s", result.StandardError);
            Assert.True(elapsed < ReportLimit, $"took {elapsed.TotalMilliseconds:0} ms");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Refused_tcp_connection_is_reported_as_unreachable()
    {
        Engine.RequireEngine();
        var endpoint = $"tcp://127.0.0.1:{UnusedLocalPort()}";

        var (result, elapsed) = await RunWithEngineAsync(endpoint, "run true");

        AssertUnreachableReport(result, endpoint);
        Assert.Contains("Connection refused", result.StandardError);
        Assert.True(elapsed < ReportLimit, $"took {elapsed.TotalMilliseconds:0} ms");
    }

    private async Task<(IsoResult Result, TimeSpan Elapsed)> RunWithEngineAsync(string endpoint, string words)
    {
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = endpoint };
        var clock = Stopwatch.StartNew();
        var result = await _project.IsoWithEnvironmentAsync(environment, words.Split(' '));
        return (result, clock.Elapsed);
    }

    private static void AssertUnreachableReport(IsoResult result, string endpoint)
    {
        Assert.True(result.ExitCode == 125, result.ToString());
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"iso: cannot connect to the Docker engine at {endpoint}", result.StandardError);
        Assert.Contains("DOCKER_HOST", result.StandardError);
        Assert.Contains("dockerd", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    /// <summary>A loopback port that was free a moment ago, so that a connection is refused.</summary>
    private static int UnusedLocalPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
