using System.Runtime.InteropServices;

namespace Iso.Terminal;

/// <summary>A terminal's size in character cells.</summary>
internal readonly partial record struct WindowSize(ushort Rows, ushort Columns)
{
    private const nuint TiocGWinSz = 0x5413;
    private const nuint TiocSWinSz = 0x5414;

    /// <summary>Reads the size of the terminal on <paramref name="fd"/>, or null if it has none.</summary>
    public static unsafe WindowSize? Read(int fd)
    {
        var cells = stackalloc ushort[4];
        if (IoCtl(fd, TiocGWinSz, cells) != 0 || cells[0] == 0 || cells[1] == 0)
        {
            return null;
        }

        return new WindowSize(cells[0], cells[1]);
    }

    /// <summary>Sets the size of the terminal on <paramref name="fd"/>; false when it is not one.</summary>
    public unsafe bool Apply(int fd)
    {
        var cells = stackalloc ushort[4];
        cells[0] = Rows;
        cells[1] = Columns;
        return IoCtl(fd, TiocSWinSz, cells) == 0;
    }

    /// <summary>The form <c>ROWSxCOLUMNS</c> that <c>iso init --tty-size</c> takes.</summary>
    public override string ToString() => $"{Rows}x{Columns}";

    public static WindowSize? Parse(string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2 && ushort.TryParse(parts[0], out var rows)
            && ushort.TryParse(parts[1], out var columns)
                ? new WindowSize(rows, columns)
                : null;
    }

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static unsafe partial int IoCtl(int fd, nuint request, ushort* argument);
}
