using System.Runtime.InteropServices;

namespace Iso.Native;

/// <summary>
/// Reads and writes iso's standard streams with read(2) and write(2), which move the file offset
/// that iso shares with the shell and with every other program writing to the same file.
/// </summary>
/// <remarks>
/// <see cref="FileStream"/> on a regular file uses pread(2) and pwrite(2) at an offset of its
/// own and never moves the shared one, so in <c>{ iso run echo a; echo b; } &gt; log</c> the
/// shell's <c>b</c> overwrote iso's <c>a</c>.
/// </remarks>
internal static unsafe partial class FileDescriptor
{
    private const int EAGAIN = 11;

    /// <summary>Reads at most <paramref name="buffer"/>'s length; returns 0 at end of file.</summary>
    /// <exception cref="IOException">read(2) failed.</exception>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* pointer = buffer)
        {
            while (true)
            {
                var count = ReadNative(fd, pointer, (nuint)buffer.Length);
                if (count >= 0)
                {
                    return (int)count;
                }

                WaitOrThrow("read", fd);
            }
        }
    }

    /// <summary>Writes all of <paramref name="data"/>, across partial writes.</summary>
    /// <exception cref="IOException">write(2) failed, for example with EPIPE.</exception>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* pointer = data)
        {
            var written = 0;
            while (written < data.Length)
            {
                var count = WriteNative(fd, pointer + written, (nuint)(data.Length - written));
                if (count >= 0)
                {
                    written += (int)count;
                    continue;
                }

                WaitOrThrow("write", fd);
            }
        }
    }

    /// <summary>
    /// Returns when the failed call may be retried: at once after EINTR, and a millisecond after
    /// EAGAIN, which means that another program sharing the stream set O_NONBLOCK on it. Throws
    /// for any other error.
    /// </summary>
    private static void WaitOrThrow(string call, int fd)
    {
        var errno = Marshal.GetLastPInvokeError();
        if (errno == LibC.EINTR)
        {
            return;
        }

        if (errno == EAGAIN)
        {
            Thread.Sleep(1);
            return;
        }

        throw new IOException(
            $"{call} on file descriptor {fd} failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nuint count);
}
