using System.Text;
using Iso.Native;

namespace Iso.Init;

/// <summary>
/// <c>iso signal RUN-ID SIGNAL</c>, started with <c>docker exec</c> in a persistent container:
/// the engine cannot signal an exec'd process, so this finds the <c>iso init --run-id</c> of that
/// run through /proc and signals it, and that runner forwards the signal to its command.
/// </summary>
internal static class RunSignaller
{
    public static int Signal(string runId, int signal)
    {
        var marker = Encoding.UTF8.GetBytes($"\0--run-id\0{runId}\0");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            if (CommandLineContains(directory, marker))
            {
                return LibC.Kill(pid, signal) == 0 ? 0 : 1;
            }
        }

        return 1;
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
