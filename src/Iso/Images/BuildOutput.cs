using System.Text;
using Docker.DotNet.Models;
using Iso.Errors;

namespace Iso.Images;

/// <summary>
/// Streams the engine's build messages to stderr (never stdout, which belongs to the command) and
/// keeps the last lines, so that a failure can show what the failing step printed.
/// </summary>
internal sealed class BuildOutput : IProgress<JSONMessage>
{
    private const int TailLines = 20;

    private readonly Queue<string> _tail = new();
    private readonly Stream _stderr = Console.OpenStandardError();
    private string? _error;

    public void Report(JSONMessage value)
    {
        if (value.Error is not null)
        {
            _error = value.Error.Message;
            return;
        }

        var text = value.Stream ?? (value.Status is null ? null : value.Status + "\n");
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        _stderr.Write(Encoding.UTF8.GetBytes(text));
        _stderr.Flush();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            _tail.Enqueue(line.TrimEnd());
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    /// <summary>Throws a <see cref="BuildException"/> naming the failed step when the build failed.</summary>
    public void ThrowIfFailed(string image)
    {
        if (_error is null)
        {
            return;
        }

        var step = _tail.LastOrDefault(line => line.StartsWith("Step ", StringComparison.Ordinal));
        var failedAt = step is null ? "" : $" at '{step}'";
        throw new BuildException(
            $"building image {image} failed{failedAt}: {_error.Trim()}; fix .iso/Dockerfile and run "
                + "'iso build' again (the previous image, if any, is kept)");
    }
}
