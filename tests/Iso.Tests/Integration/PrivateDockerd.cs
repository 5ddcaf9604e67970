using System.Diagnostics;

namespace Iso.Tests.Integration;

/// <summary>
/// A dockerd that belongs to one test, with its data, state and socket in a temporary directory,
/// so that the test can restart an engine without stopping the machine's containers. It needs
/// root, dockerd and unshare.
/// </summary>
/// <remarks>
/// It runs in a network namespace of its own, because a second dockerd in the machine's
/// namespace shares its interfaces. With <c>--bridge=none</c> it deletes the machine's docker0
/// (removeDefaultBridgeInterface in moby's daemon_unix.go), and the bridges of its networks can
/// take a subnet that the machine's engine uses.
/// </remarks>
public sealed class PrivateDockerd : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("iso-dockerd-");
    private Process? _daemon;

    private PrivateDockerd()
    {
    }

    /// <summary>The endpoint for <c>DOCKER_HOST</c>.</summary>
    public string Endpoint => $"unix://{Path.Combine(_directory.FullName, "docker.sock")}";

    /// <summary>Returns null when this machine can run one, else the reason why it cannot.</summary>
    public static string? Unavailable()
    {
        if (Iso.Native.LibC.GetUid() != 0)
        {
            return "starting a private dockerd needs root";
        }

        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        var missing = new[] { "dockerd", "unshare" }
            .Where(program => !paths.Any(path => File.Exists(Path.Combine(path, program))))
            .ToList();
        return missing.Count == 0 ? null : $"no {string.Join(" or ", missing)} on PATH";
    }

    public static async Task<PrivateDockerd> StartAsync()
    {
        var engine = new PrivateDockerd();
        try
        {
            await engine.StartDaemonAsync();
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>Copies an image from the machine's engine with docker save and docker load.</summary>
    public async Task CopyImageAsync(string image)
    {
        var copy = await Shell.RunAsync($"docker save '{image}' | docker -H '{Endpoint}' load");
        Assert.True(copy.ExitCode == 0, $"copying {image} to the private engine failed: {copy.Output}");
    }

    /// <summary>Stops the daemon with SIGTERM, as a service manager would, and starts it again.</summary>
    public async Task RestartAsync()
    {
        await StopDaemonAsync();
        await StartDaemonAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopDaemonAsync();
        _directory.Delete(recursive: true);
    }

    private async Task StartDaemonAsync()
    {
        var root = _directory.FullName;
        var command = $"exec unshare --net dockerd --data-root '{root}/data' "
            + $"--exec-root '{root}/exec' --pidfile '{root}/docker.pid' -H '{Endpoint}' "
            + $"--iptables=false --ip6tables=false >> '{root}/dockerd.log' 2>&1";
        _daemon = Shell.Start(command);

        var clock = Stopwatch.StartNew();
        while ((await Shell.RunAsync($"docker -H '{Endpoint}' version")).ExitCode != 0)
        {
            if (_daemon.HasExited || clock.Elapsed > StartLimit)
            {
                var log = await File.ReadAllTextAsync(Path.Combine(root, "dockerd.log"));
                throw new InvalidOperationException($"the private dockerd did not start:\n{log}");
            }

            await Task.Delay(200);
        }
    }

    private async Task StopDaemonAsync()
    {
        if (_daemon is null)
        {
            return;
        }

        if (!_daemon.HasExited)
        {
            Iso.Native.LibC.Kill(_daemon.Id, Iso.Native.LibC.SIGTERM);
            await _daemon.WaitForExitAsync();
        }

        _daemon.Dispose();
        _daemon = null;
    }

    /// <summary>Runs <c>sh -c</c> scripts for the daemon and the docker CLI.</summary>
    private static class Shell
    {
        public static Process Start(string script)
        {
            var startInfo = new ProcessStartInfo("sh") { UseShellExecute = false };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(script);
            return Process.Start(startInfo) ?? throw new InvalidOperationException("sh did not start");
        }

        public static async Task<(int ExitCode, string Output)> RunAsync(string script)
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
}
