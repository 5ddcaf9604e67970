using System.Runtime.InteropServices;

namespace Iso.Terminal;

/// <summary>
/// Puts the host terminal in raw mode for an interactive run, so that keys such as Ctrl-C reach
/// the container's terminal as bytes, and restores the saved settings exactly once.
/// </summary>
internal sealed unsafe partial class TerminalMode : IDisposable
{
    private const int TcsaDrain = 1;

    // struct termios is 60 bytes on Linux; the buffer is larger so its layout does not matter.
    private const int TermiosSize = 256;

    private readonly byte[] _saved = new byte[TermiosSize];
    private readonly int _fd;
    private int _restored;

    private TerminalMode(int fd) => _fd = fd;

    /// <summary>True when both stdin and stdout are terminals, the only case that gets a terminal.</summary>
    public static bool IsInteractive => IsATty(0) == 1 && IsATty(1) == 1;

    /// <summary>Switches <paramref name="fd"/> to raw mode; returns null when it is not a terminal.</summary>
    public static TerminalMode? EnterRaw(int fd)
    {
        var mode = new TerminalMode(fd);
        fixed (byte* saved = mode._saved)
        {
            if (TcGetAttr(fd, saved) != 0)
            {
                return null;
            }
        }

        var raw = (byte[])mode._saved.Clone();
        fixed (byte* rawPointer = raw)
        {
            CfMakeRaw(rawPointer);
            TcSetAttr(fd, TcsaDrain, rawPointer);
        }

        return mode;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 1)
        {
            return;
        }

        fixed (byte* saved = _saved)
        {
            TcSetAttr(_fd, TcsaDrain, saved);
        }
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static partial void CfMakeRaw(byte* termios);
}
