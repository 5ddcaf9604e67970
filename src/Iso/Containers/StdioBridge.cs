using Docker.DotNet;
using Iso.Native;

namespace Iso.Containers;

/// <summary>
/// Copies iso's stdin to a container stream and the stream's output to iso's stdout and stderr,
/// byte for byte and without buffering, until the container closes its output.
/// </summary>
internal static class StdioBridge
{
    private const int BufferSize = 128 * 1024;
    private const int SigPipe = 13;
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    /// <summary>Returns when the command's output has ended; stdin keeps being copied until then.</summary>
    public static async Task RunAsync(
        MultiplexedStream stream, IRunningCommand command, CancellationToken cancellationToken)
    {
        _ = Task.Run(() => CopyStdinAsync(stream, cancellationToken), cancellationToken);
        await CopyOutputAsync(stream, command, cancellationToken);
    }

    private static async Task CopyStdinAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int count;
            while ((count = FileDescriptor.Read(StandardInput, buffer)) > 0)
            {
                await stream.WriteAsync(buffer, 0, count, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException
            or ObjectDisposedException)
        {
            // stdin was closed or unreadable, or the command has ended: either way, input is over.
        }

        try
        {
            stream.CloseWrite();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
        }
    }

    private static async Task CopyOutputAsync(
        MultiplexedStream stream, IRunningCommand command, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var stdoutOpen = true;
        while (true)
        {
            var result = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (result.EOF)
            {
                return;
            }

            var target = result.Target == MultiplexedStream.TargetStream.StandardError
                ? StandardError
                : StandardOutput;
            try
            {
                FileDescriptor.WriteAll(target, buffer.AsSpan(0, result.Count));
            }
            catch (IOException) when (target == StandardOutput && stdoutOpen)
            {
                // The reader of iso's stdout went away (`iso run yes | head -1`): the command gets
                // SIGPIPE, as it would have if it had written to that pipe itself.
                stdoutOpen = false;
                await command.SignalAsync(SigPipe);
            }
            catch (IOException)
            {
                // Output after that SIGPIPE, and output to a closed stderr, is dropped; the command
                // keeps running.
            }
        }
    }
}
