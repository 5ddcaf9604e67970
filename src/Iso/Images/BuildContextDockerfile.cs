using System.Formats.Tar;

namespace Iso.Images;

/// <summary>Chooses the name of the Dockerfile in the build context archive.</summary>
internal static class BuildContextDockerfile
{
    /// <summary>
    /// Base name for a Dockerfile that is not a regular file of the context. A numeric suffix
    /// is added when the context already contains an entry of that name.
    /// </summary>
    internal const string AddedName = ".iso-dockerfile";

    // The usual mode of a new file, 0644. The Dockerfile's own mode is not used, so that
    // changing it outside the context does not cause a rebuild.
    private const UnixFileMode AddedMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Returns the Dockerfile's '/'-separated path relative to the context root, or null when
    /// it lies outside the context.
    /// </summary>
    public static string? NameInsideContext(string contextDirectory, string dockerfilePath)
    {
        string relative = Path.GetRelativePath(contextDirectory, dockerfilePath);
        bool outside = Path.IsPathRooted(relative)
            || relative == ".."
            || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return outside ? null : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>
    /// Returns the archive name of the Dockerfile. When the scan found it as a regular file of
    /// the context, that entry is used. Otherwise (outside the context, or reached through a
    /// symbolic link) a new entry with a name no other entry has is added to the sorted list.
    /// </summary>
    public static string Place(
        List<BuildContextEntry> entries,
        string? nameInsideContext,
        string dockerfilePath)
    {
        bool scanned = entries.Any(entry =>
            entry.Name == nameInsideContext && entry.Type == TarEntryType.RegularFile);
        if (scanned)
        {
            return nameInsideContext!;
        }

        string name = UnusedName(entries);
        entries.Add(
            new BuildContextEntry(name, TarEntryType.RegularFile, AddedMode, dockerfilePath));
        entries.Sort(BuildContextEntry.CompareByName);
        return name;
    }

    private static string UnusedName(List<BuildContextEntry> entries)
    {
        var names = entries.Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        string name = AddedName;
        for (int suffix = 2; names.Contains(name); suffix++)
        {
            name = $"{AddedName}-{suffix}";
        }

        return name;
    }
}
