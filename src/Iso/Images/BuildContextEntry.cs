using System.Formats.Tar;

namespace Iso.Images;

/// <summary>A file, directory or symbolic link that goes into the build context archive.</summary>
/// <param name="Name">Path inside the archive: relative, '/'-separated, no trailing slash.</param>
/// <param name="Type">
/// <see cref="TarEntryType.RegularFile"/>, <see cref="TarEntryType.Directory"/> or
/// <see cref="TarEntryType.SymbolicLink"/>.
/// </param>
/// <param name="Mode">Permission bits, including setuid, setgid and sticky.</param>
/// <param name="SourcePath">Absolute path of the entry on disk.</param>
/// <param name="LinkTarget">The symbolic link's target as stored, or null for other types.</param>
internal sealed record BuildContextEntry(
    string Name,
    TarEntryType Type,
    UnixFileMode Mode,
    string SourcePath,
    string? LinkTarget = null)
{
    /// <summary>
    /// Orders entries by name (ordinal), which puts every directory before its children.
    /// </summary>
    public static int CompareByName(BuildContextEntry left, BuildContextEntry right) =>
        string.CompareOrdinal(left.Name, right.Name);
}
