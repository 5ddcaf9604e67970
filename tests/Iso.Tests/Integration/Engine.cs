using Docker.DotNet;
using Docker.DotNet.Models;

namespace Iso.Tests.Integration;

/// <summary>
/// Direct access to the test engine, to check what iso left behind. Integration tests are skipped
/// with a reason when no engine answers, except under CI=true, where they fail instead.
/// </summary>
public static class Engine
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static DockerClient Client() => new DockerClientBuilder().Build();

    /// <summary>Skips the calling test when the engine or the binary is missing outside CI.</summary>
    public static void RequireEngine()
    {
        if (Unavailable.Value is not { } reason)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"integration tests need a Docker engine: {reason}");
        }

        Skip.If(true, reason);
    }

    private static string? Probe()
    {
        if (!File.Exists(IsoProcess.BinaryPath))
        {
            return $"no iso binary at {IsoProcess.BinaryPath}; run scripts/publish.sh or set ISO_BINARY";
        }

        try
        {
            using var client = Client();
            client.System.PingAsync().Wait(TimeSpan.FromSeconds(5));
            return null;
        }
        catch (Exception exception)
        {
            return $"no Docker engine answers ({exception.GetBaseException().Message}); run scripts/setup.sh";
        }
    }

    /// <summary>Reports whether this engine may start a privileged container at all.</summary>
    public static async Task<bool> CanRunPrivilegedAsync()
    {
        using var client = Client();
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = TestProject.BusyboxImage,
            Cmd = ["true"],
            HostConfig = new HostConfig { Privileged = true },
        });
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            return true;
        }
        catch (DockerApiException)
        {
            return false;
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    public static async Task<IList<ContainerListResponse>> ContainersAsync(string projectDirectory) =>
        await WithClient(client => client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = LabelFilter("iso.project.dir", projectDirectory),
        }));

    public static async Task<IList<NetworkResponse>> NetworksAsync(string projectDirectory) =>
        await WithClient(client => client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = LabelFilter("iso.project.dir", projectDirectory),
        }));

    public static async Task<IList<VolumeResponse>> VolumesAsync(string projectDirectory) =>
        await WithClient(async client => (await client.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = LabelFilter("iso.project.dir", projectDirectory),
        })).Volumes ?? []);

    public static async Task<ImageInspectResponse?> ImageAsync(string name)
    {
        try
        {
            return await WithClient(client => client.Images.InspectImageAsync(name));
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes everything that carries the project's directory label, and its image.</summary>
    public static async Task RemoveProjectAsync(string projectDirectory, string? image)
    {
        using var client = Client();
        foreach (var container in await ContainersAsync(projectDirectory))
        {
            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var network in await NetworksAsync(projectDirectory))
        {
            await client.Networks.DeleteNetworkAsync(network.ID);
        }

        foreach (var volume in await VolumesAsync(projectDirectory))
        {
            await client.Volumes.RemoveAsync(volume.Name, force: true);
        }

        if (image is not null && await ImageAsync(image) is not null)
        {
            await client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true });
        }
    }

    private static async Task<T> WithClient<T>(Func<DockerClient, Task<T>> action)
    {
        using var client = Client();
        return await action(client);
    }

    private static IDictionary<string, IDictionary<string, bool>> LabelFilter(string key, string value) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{key}={value}"] = true },
        };
}
