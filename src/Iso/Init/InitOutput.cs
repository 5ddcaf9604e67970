using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Iso.Init;

/// <summary>
/// Messages of the in-container init on stderr. It writes to file descriptor 2 directly, because
/// System.Console on a terminal installs a SIGCHLD handler that would reap the command before
/// init can read its status (see <see cref="ChildReaper"/>).
/// </summary>
internal static class InitOutput
{
    private static readonly FileStream Stderr =
        new(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    public static void Error(string message)
    {
        try
        {
            Stderr.Write(Encoding.UTF8.GetBytes($"iso: {message}\n"));
        }
        catch (IOException)
        {
            // stderr was closed by its reader. The exit status still reports the outcome.
        }
    }
}
