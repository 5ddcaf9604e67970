using System.Formats.Tar;
using System.Text;

namespace Iso.Tests.Images;

/// <summary>One entry of a build context archive.</summary>
internal sealed record ArchiveEntry(
    string Name,
    TarEntryType Type,
    UnixFileMode Mode,
    string LinkName,
    string Content,
    DateTimeOffset ModificationTime,
    int Uid,
    int Gid)
{
    public static ArchiveEntry From(TarEntry entry)
    {
        string content = "";
        if (entry.DataStream is { } data)
        {
            using var reader = new StreamReader(data, Encoding.UTF8);
            content = reader.ReadToEnd();
        }

        return new ArchiveEntry(
            entry.Name,
            entry.EntryType,
            entry.Mode,
            entry.LinkName,
            content,
            entry.ModificationTime,
            entry.Uid,
            entry.Gid);
    }
}
