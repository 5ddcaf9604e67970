using System.Formats.Tar;
using Iso.Errors;

namespace Iso.Images;

/// <summary>
/// Walks a build context directory and lists the entries that <c>.dockerignore</c> keeps,
/// sorted by name (ordinal), so that every parent directory comes before its children.
/// </summary>
/// <param name="contextDirectory">Absolute path of the context root.</param>
/// <param name="dockerIgnore">The context's exclusion rules.</param>
/// <param name="alwaysIncluded">
/// Relative paths kept even when a pattern excludes them. Docker's CLI always sends the
/// Dockerfile and <c>.dockerignore</c>.
/// </param>
internal sealed class BuildContextScanner(
    string contextDirectory,
    DockerIgnore dockerIgnore,
    IReadOnlyCollection<string> alwaysIncluded)
{
    private static readonly EnumerationOptions ListEverything = new()
    {
        // The default skips hidden entries, which on Unix means every name starting with '.'.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
    };

    /// <summary>Lists the included entries. Sockets, FIFOs and device files are skipped.</summary>
    public List<BuildContextEntry> Scan()
    {
        var entries = new List<BuildContextEntry>();
        ScanDirectory(contextDirectory, namePrefix: "", entries);
        entries.Sort(BuildContextEntry.CompareByName);
        return entries;
    }

    private void ScanDirectory(string directory, string namePrefix, List<BuildContextEntry> entries)
    {
        foreach (FileSystemInfo info in ListDirectory(directory))
        {
            BuildContextEntry? entry = Describe(info, namePrefix + info.Name);
            if (entry is null)
            {
                continue;
            }

            bool isDirectory = entry.Type == TarEntryType.Directory;
            bool excluded = IsExcluded(entry.Name, isDirectory);
            if (!excluded)
            {
                entries.Add(entry);
            }

            if (isDirectory && (!excluded || MayIncludeBelow(entry.Name)))
            {
                ScanSubdirectory(entry, excluded, entries);
            }
        }
    }

    private void ScanSubdirectory(
        BuildContextEntry directory,
        bool excluded,
        List<BuildContextEntry> entries)
    {
        int countBefore = entries.Count;
        ScanDirectory(directory.SourcePath, directory.Name + "/", entries);

        // An excluded directory still goes into the archive when something below it is
        // included, so that the entry's parent exists with its own mode.
        if (excluded && entries.Count > countBefore)
        {
            entries.Add(directory);
        }
    }

    private bool IsExcluded(string name, bool isDirectory) =>
        dockerIgnore.IsExcluded(name, isDirectory) && !alwaysIncluded.Contains(name);

    private bool MayIncludeBelow(string directoryName)
    {
        string directoryPrefix = directoryName + "/";
        return dockerIgnore.MayIncludeBelow(directoryName)
            || alwaysIncluded.Any(
                path => path.StartsWith(directoryPrefix, StringComparison.Ordinal));
    }

    private BuildContextEntry? Describe(FileSystemInfo info, string name)
    {
        try
        {
            return BuildContextFileTypes.Describe(info, name);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw BuildContextErrors.Unreadable(info.FullName, contextDirectory, exception);
        }
    }

    private FileSystemInfo[] ListDirectory(string directory)
    {
        try
        {
            return new DirectoryInfo(directory).GetFileSystemInfos("*", ListEverything);
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted since its parent was listed, so it is left out like its contents.
            return [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw BuildContextErrors.Unreadable(directory, contextDirectory, exception);
        }
    }
}
