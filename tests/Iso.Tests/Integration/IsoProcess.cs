using System.Diagnostics;
using System.Text;

namespace Iso.Tests.Integration;

/// <summary>The result of one iso invocation: its status and both streams, stdout as bytes.</summary>
public sealed record IsoResult(int ExitCode, byte[] StandardOutputBytes, string StandardError)
{
    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);

    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>Runs the published iso binary as a child process, the way a user's shell would.</summary>
public static class IsoProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public static string BinaryPath =>
        Environment.GetEnvironmentVariable("ISO_BINARY") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/bin/iso"));

    public static async Task<IsoResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        byte[]? stdin = null,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        using var process = Start(workingDirectory, arguments, environment);
        var stdout = new MemoryStream();
        var stdoutCopy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderrRead = process.StandardError.ReadToEndAsync();
        await WriteStdinAsync(process, stdin);

        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"iso {string.Join(' ', arguments)} did not finish in time");
        }

        await stdoutCopy;
        return new IsoResult(process.ExitCode, stdout.ToArray(), await stderrRead);
    }

    /// <summary>Starts iso with redirected streams; the caller owns the process.</summary>
    public static Process Start(
        string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(BinaryPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // iso reads $PWD for the logical working directory, as a shell would set it.
        startInfo.Environment["PWD"] = workingDirectory;
        startInfo.Environment.Remove("ISO_SESSION");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[key] = value;
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException("iso did not start");
    }

    private static async Task WriteStdinAsync(Process process, byte[]? stdin)
    {
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command ended without reading all of its input, which is its right.
        }
    }
}
