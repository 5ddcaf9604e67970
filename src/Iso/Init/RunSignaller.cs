using System.Globalization;
using System.Text;
using Iso.Native;

namespace Iso.Init;

/// <summary>
/// <c>iso signal RUN-ID SIGNAL</c>, started with <c>docker exec</c> in a run's container: finds
/// the <c>iso init --run-id</c> of that run through /proc and signals it once it has a handler
/// for the signal, and that init forwards the signal to its command.
/// </summary>
internal static class RunSignaller
{
    /// <summary>
    /// How long to wait for the run's process and for its handler of the signal. A signal can
    /// come before the process exists or has registered its handlers, and the kernel drops a
    /// signal to a container's PID 1 that has no handler for it.
    /// </summary>
    // NOTE: init registers its handlers only after it has waited for the services, so a signal
    // during a longer wait is sent after this limit, and a fresh container's PID 1 drops it.
    private static readonly TimeSpan SearchLimit = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SearchInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns 0 when the run's process was signalled, else 1.</summary>
    public static int Signal(string runId, int signal)
    {
        var marker = Encoding.UTF8.GetBytes($"\0--run-id\0{runId}\0");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var timedOut = clock.Elapsed >= SearchLimit;
            if (FindProcess(marker) is { } pid && (HasHandler(pid, signal) || timedOut))
            {
                return LibC.Kill(pid, signal) == 0 ? 0 : 1;
            }

            if (timedOut)
            {
                return 1;
            }

            Thread.Sleep(SearchInterval);
        }
    }

    private static int? FindProcess(byte[] marker)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid)
                && CommandLineContains(directory, marker))
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>Reads the SigCgt mask of /proc/PID/status, the signals with a handler.</summary>
    private static bool HasHandler(int pid, int signal)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("SigCgt:", StringComparison.Ordinal))
                {
                    var mask = ulong.Parse(line["SigCgt:".Length..].Trim(), NumberStyles.HexNumber);
                    return ((mask >> (signal - 1)) & 1) == 1;
                }
            }
        }
        catch (IOException)
        {
        }

        return false;
    }

    private static bool CommandLineContains(string processDirectory, byte[] marker)
    {
        try
        {
            var commandLine = File.ReadAllBytes(Path.Combine(processDirectory, "cmdline"));
            return commandLine.AsSpan().IndexOf(marker) >= 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
