using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;

namespace Iso.Tests.Integration;

/// <summary>
/// Debian's docker-registry on 127.0.0.1, the only registry the tests may pull from. The engine
/// trusts registries on loopback without TLS.
/// </summary>
public sealed class LocalRegistry : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _storage;

    private LocalRegistry(Process process, string storage, int port)
    {
        _process = process;
        _storage = storage;
        Address = $"127.0.0.1:{port}";
    }

    public string Address { get; }

    public static async Task<LocalRegistry> StartAsync()
    {
        var port = FreePort();
        var storage = Directory.CreateTempSubdirectory("iso-registry-").FullName;
        var config = Path.Combine(storage, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            storage:
              filesystem:
                rootdirectory: {storage}/data
            http:
              addr: 127.0.0.1:{port}
            """);
        var process = Process.Start(new ProcessStartInfo("docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, storage, port);
        await registry.WaitUntilListeningAsync(port);
        return registry;
    }

    /// <summary>Pushes a local image under <paramref name="repository"/> and removes the local tag.</summary>
    public async Task<string> PushAsync(string localImage, string repository)
    {
        var remote = $"{Address}/{repository}";
        using var client = Engine.Client();
        await client.Images.TagImageAsync(localImage, new ImageTagParameters { RepositoryName = remote, Tag = "1" });
        await client.Images.PushImageAsync($"{remote}:1", new ImagePushParameters(), new AuthConfig(), new Progress<JSONMessage>());
        await client.Images.DeleteImageAsync($"{remote}:1", new ImageDeleteParameters());
        return $"{remote}:1";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"docker-registry did not listen on {Address} within 10 s");
    }

    public ValueTask DisposeAsync()
    {
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_storage, recursive: true);
        return ValueTask.CompletedTask;
    }
}
