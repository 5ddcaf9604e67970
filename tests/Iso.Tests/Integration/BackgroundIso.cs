using System.Diagnostics;
using System.Text;
using Iso.Native;

namespace Iso.Tests.Integration;

/// <summary>
/// An iso process that keeps running while a test watches its output and sends it signals.
/// Its stdin is closed at once, as with <c>&lt; /dev/null</c>.
/// </summary>
/// <remarks>
/// It starts through <c>env --default-signal</c>, because a test host started in the
/// background of a non-interactive shell has SIGINT and SIGQUIT ignored, its children inherit
/// that, and iso, like most programs, leaves a signal ignored that it was started with ignored.
/// </remarks>
public sealed class BackgroundIso : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly MemoryStream _stderr = new();
    private readonly Task _stdoutCopy;
    private readonly Task _stderrCopy;

    private BackgroundIso(Process process)
    {
        _process = process;
        _stdoutCopy = CopyAsync(process.StandardOutput.BaseStream, _stdout);
        _stderrCopy = CopyAsync(process.StandardError.BaseStream, _stderr);
        process.StandardInput.Close();
    }

    public int Pid => _process.Id;

    public string StandardOutput => Text(_stdout);

    public string StandardError => Text(_stderr);

    public static BackgroundIso Start(
        string workingDirectory,
        IEnumerable<string> arguments,
        IDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo("/usr/bin/env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("--default-signal=HUP,INT,QUIT,TERM");
        startInfo.ArgumentList.Add(IsoProcess.BinaryPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PWD"] = workingDirectory;
        startInfo.Environment.Remove("ISO_SESSION");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("iso did not start");
        return new BackgroundIso(process);
    }

    /// <summary>Waits until stdout contains <paramref name="text"/>; fails if iso exits first.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout) =>
        WaitForTextAsync(() => StandardOutput, text, timeout);

    /// <summary>Waits until stderr contains <paramref name="text"/>; fails if iso exits first.</summary>
    public Task WaitForErrorOutputAsync(string text, TimeSpan timeout) =>
        WaitForTextAsync(() => StandardError, text, timeout);

    private async Task WaitForTextAsync(Func<string> stream, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!stream().Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                var state = _process.HasExited ? $"exited with {_process.ExitCode}" : "still runs";
                throw new TimeoutException(
                    $"iso printed no '{text}' within {timeout.TotalSeconds} s and {state}\n"
                        + $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Sends a Linux signal to the iso process.</summary>
    public void Signal(int signal)
    {
        if (LibC.Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed");
        }
    }

    public async Task<IsoResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"iso did not exit within {timeout.TotalSeconds} s\n"
                    + $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}");
        }

        await Task.WhenAll(_stdoutCopy, _stderrCopy);
        return new IsoResult(_process.ExitCode, Bytes(_stdout), StandardError);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task CopyAsync(Stream source, MemoryStream target)
    {
        var buffer = new byte[16 * 1024];
        int count;
        while ((count = await source.ReadAsync(buffer)) > 0)
        {
            lock (target)
            {
                target.Write(buffer, 0, count);
            }
        }
    }

    private static byte[] Bytes(MemoryStream stream)
    {
        lock (stream)
        {
            return stream.ToArray();
        }
    }

    private static string Text(MemoryStream stream) => Encoding.UTF8.GetString(Bytes(stream));
}
