using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Engine;
using Iso.Naming;
using Iso.Sessions;

namespace Iso.Images;

/// <summary>
/// Keeps the project image <c>&lt;project&gt;-shell</c> in step with <c>.iso/Dockerfile</c>: it is
/// built when missing or when the hash of the Dockerfile, build context and build arguments
/// differs from the one recorded in its label, and never otherwise.
/// </summary>
internal sealed class ImageManager(DockerClient client, SessionContext context)
{
    /// <summary>Builds the image if it is missing or stale, and returns its id.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        using var buildContext = CreateBuildContext();
        var current = await InspectAsync(cancellationToken);
        if (current is not null && HashOf(current) == buildContext.ContentHash)
        {
            return current.ID;
        }

        using var hostLock = await HostLock.AcquireAsync($"{context.Project.Name}-image", cancellationToken);
        current = await InspectAsync(cancellationToken);
        if (current is not null && HashOf(current) == buildContext.ContentHash)
        {
            return current.ID;
        }

        var reason = current is null
            ? "image not found"
            : "the Dockerfile, build context or build arguments changed";
        return await BuildAsync(buildContext, reason, noCache: false, cancellationToken);
    }

    /// <summary><c>iso build</c>: builds when stale, or always (without the layer cache) with rebuild.</summary>
    public async Task<string> BuildAsync(bool rebuild, CancellationToken cancellationToken)
    {
        if (!rebuild)
        {
            return await EnsureAsync(cancellationToken);
        }

        using var buildContext = CreateBuildContext();
        using var hostLock = await HostLock.AcquireAsync($"{context.Project.Name}-image", cancellationToken);
        return await BuildAsync(buildContext, "--rebuild", noCache: true, cancellationToken);
    }

    /// <summary>Reports whether the image exists and matches the current files.</summary>
    public async Task<(bool Present, bool UpToDate, string? Id)> StatusAsync(
        CancellationToken cancellationToken)
    {
        using var buildContext = CreateBuildContext();
        var current = await InspectAsync(cancellationToken);
        return current is null
            ? (false, false, null)
            : (true, HashOf(current) == buildContext.ContentHash, current.ID);
    }

    /// <summary>
    /// iso's own files under <c>.iso/</c>: configuration and hooks are read at run time, so
    /// editing them must not rebuild the image when <c>.iso/</c> is the build context.
    /// </summary>
    private static readonly string[] IsoOwnFiles =
        ["config.yml", "services.yml", "pre-run.sh", "post-run.sh"];

    private BuildContext CreateBuildContext()
    {
        var contextIsIsoDirectory = Path.GetFullPath(context.Config.Build.Context).TrimEnd('/')
            == Path.GetFullPath(context.Project.IsoDirectory).TrimEnd('/');
        return BuildContext.Create(
            context.Config.Build.Context,
            context.Project.Dockerfile,
            context.Config.Build.Args,
            contextIsIsoDirectory ? IsoOwnFiles : []);
    }

    private async Task<ImageInspectResponse?> InspectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var image = await client.Images.InspectImageAsync(context.Names.Image, cancellationToken);
            var labels = image.Config?.Labels;
            context.CheckOwnership(
                $"image {context.Names.Image}",
                labels?.TryGetValue(Labels.ImageProjectDirectory, out var owner) == true ? owner : null);
            return image;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    private static string? HashOf(ImageInspectResponse image) =>
        image.Config?.Labels?.TryGetValue(Labels.ImageHash, out var hash) == true ? hash : null;

    private async Task<string> BuildAsync(
        BuildContext buildContext, string reason, bool noCache, CancellationToken cancellationToken)
    {
        Log.Progress($"building image {context.Names.Image} ({reason})");
        // Containers inherit their image's labels, so the image carries none of the labels that
        // iso stop and iso list select containers by: a user's own 'docker run' of the image
        // must not look like an iso container.
        var labels = new Dictionary<string, string>
        {
            [Labels.ImageHash] = buildContext.ContentHash,
            [Labels.ImageProjectDirectory] = context.Project.Root,
        };
        var parameters = new ImageBuildParameters
        {
            Tags = [context.Names.Image],
            Dockerfile = buildContext.DockerfileName,
            BuildArgs = new Dictionary<string, string>(context.Config.Build.Args),
            Labels = labels,
            NoCache = noCache,
            Remove = true,
            ForceRemove = true,
        };

        var output = new BuildOutput();
        using (var archive = buildContext.OpenArchive())
        {
            await client.Images.BuildImageFromDockerfileAsync(
                parameters, archive, null, null, output, cancellationToken);
        }

        output.ThrowIfFailed(context.Names.Image);
        var built = await client.Images.InspectImageAsync(context.Names.Image, cancellationToken);
        Log.Debug($"built image {context.Names.Image} {Log.ShortId(built.ID)}");
        return built.ID;
    }
}
