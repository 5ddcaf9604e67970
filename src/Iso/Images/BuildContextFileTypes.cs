using System.Formats.Tar;

namespace Iso.Images;

/// <summary>Classifies directory entries into the types a build context archive carries.</summary>
internal static class BuildContextFileTypes
{
    // Linux reports 0777 for every symbolic link, and FileSystemInfo.UnixFileMode would
    // return the target's mode instead of the link's.
    private const UnixFileMode SymbolicLinkMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // The modes used on Windows, which has no Unix permission bits: 0644 and 0755.
    private const UnixFileMode DefaultFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode DefaultDirectoryMode =
        DefaultFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute
        | UnixFileMode.OtherExecute;

    /// <summary>
    /// Describes a regular file, directory or symbolic link, or returns null for a socket, FIFO
    /// or device file. A symbolic link is described, never followed. Throws
    /// <see cref="UnauthorizedAccessException"/> for an empty file that cannot be opened.
    /// </summary>
    public static BuildContextEntry? Describe(FileSystemInfo info, string name)
    {
        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is { } target)
        {
            return new BuildContextEntry(
                name, TarEntryType.SymbolicLink, SymbolicLinkMode, info.FullName, target);
        }

        if (info is DirectoryInfo)
        {
            return new BuildContextEntry(name, TarEntryType.Directory, ModeOf(info), info.FullName);
        }

        if (info is FileInfo file && IsRegularFile(file))
        {
            return new BuildContextEntry(
                name, TarEntryType.RegularFile, ModeOf(info), info.FullName);
        }

        return null;
    }

    private static UnixFileMode ModeOf(FileSystemInfo info)
    {
        if (OperatingSystem.IsWindows())
        {
            return info is DirectoryInfo ? DefaultDirectoryMode : DefaultFileMode;
        }

        return info.UnixFileMode;
    }

    // Sockets, FIFOs and device files all report a size of 0 on Linux, so any file with
    // content is a regular file and only empty ones need a closer look.
    private static bool IsRegularFile(FileInfo file) =>
        file.Length > 0 || ProbeType(file.FullName) == TarEntryType.RegularFile;

    /// <summary>
    /// Returns the type that <see cref="TarWriter"/> finds for the path, or null when it
    /// rejects the file (a socket, or an empty file that vanished or failed with an I/O error).
    /// </summary>
    /// <remarks>
    /// .NET 10 has no public API for a file's type (the <c>S_IFMT</c> bits of <c>lstat</c>),
    /// but <see cref="TarWriter.WriteEntry(string, string?)"/> reads it. Writing a throwaway
    /// entry does not block on a FIFO, because TarWriter opens only regular files.
    /// </remarks>
    private static TarEntryType? ProbeType(string path)
    {
        using var scratch = new MemoryStream();
        try
        {
            using var writer = new TarWriter(scratch, leaveOpen: true);
            writer.WriteEntry(path, entryName: "probe");
        }
        catch (IOException)
        {
            // NOTE: an empty regular file that fails with an I/O error other than a denied
            // permission is skipped like a socket instead of being reported.
            return null;
        }

        scratch.Position = 0;
        return new TarReader(scratch).GetNextEntry()?.EntryType;
    }
}
