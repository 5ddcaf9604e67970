using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Diagnostics;
using Iso.Errors;

namespace Iso.Services;

/// <summary>Pulls a service image that the engine does not have, with progress on stderr.</summary>
internal sealed class ImagePuller(DockerClient client)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Pulls <paramref name="image"/> unless the engine already has it.</summary>
    public async Task EnsureAsync(string image, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(image, cancellationToken))
        {
            return;
        }

        // One pull at a time keeps the progress lines of two images apart.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!await ExistsAsync(image, cancellationToken))
            {
                await PullAsync(image, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> ExistsAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    private async Task PullAsync(string image, CancellationToken cancellationToken)
    {
        Log.Progress($"pulling image {image}");
        var (name, tag) = Split(image);
        var progress = new PullProgress(image);
        try
        {
            await client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = name, Tag = tag },
                null,
                progress,
                cancellationToken);
        }
        catch (DockerApiException exception)
        {
            throw new ServiceException(
                $"pulling image {image} failed: {exception.Message.Trim()}; check the image name in "
                    + ".iso/services.yml and that its registry is reachable");
        }

        progress.Finish();
        if (progress.Error is { } error || !await ExistsAsync(image, cancellationToken))
        {
            throw new ServiceException(
                $"pulling image {image} failed: {progress.Error ?? "the engine did not store it"}; "
                    + "check the image name in .iso/services.yml and that its registry is reachable");
        }
    }

    /// <summary>Splits <c>registry:5000/name:tag</c> into name and tag; a digest stays in the name.</summary>
    internal static (string Name, string Tag) Split(string image)
    {
        if (image.Contains('@'))
        {
            return (image, "");
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > lastSlash ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }
}
