using System.Formats.Tar;
using Iso.Images;
using Xunit.Sdk;

namespace Iso.Tests.Images;

/// <summary>The entries of a build context archive, read with <see cref="TarReader"/>.</summary>
internal sealed class ArchiveContents
{
    private ArchiveContents(List<ArchiveEntry> entries) => Entries = entries;

    /// <summary>Entries in archive order.</summary>
    public IReadOnlyList<ArchiveEntry> Entries { get; }

    /// <summary>Entry names in archive order. Directory names end with '/'.</summary>
    public IReadOnlyList<string> Names => Entries.Select(entry => entry.Name).ToList();

    public static ArchiveContents Read(BuildContext context)
    {
        using Stream archive = context.OpenArchive();
        return Read(archive);
    }

    public static ArchiveContents Read(Stream archive)
    {
        var entries = new List<ArchiveEntry>();
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            entries.Add(ArchiveEntry.From(entry));
        }

        return new ArchiveContents(entries);
    }

    /// <summary>Returns the entry of that name, or fails the test when there is none.</summary>
    public ArchiveEntry this[string name] =>
        Entries.SingleOrDefault(entry => entry.Name == name)
        ?? throw new XunitException(
            $"no entry '{name}' in the archive; it has: {string.Join(", ", Names)}");
}
