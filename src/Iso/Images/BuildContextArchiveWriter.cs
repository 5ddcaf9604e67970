using System.Formats.Tar;
using Iso.Errors;

namespace Iso.Images;

/// <summary>
/// Writes build context entries as an uncompressed PAX tar archive to a temporary file and
/// feeds each entry to the content hash on the way.
/// </summary>
/// <param name="contextDirectory">Absolute path of the context root, named in errors.</param>
/// <param name="openFile">Opens a regular file for reading. Tests pass one that fails.</param>
internal sealed class BuildContextArchiveWriter(
    string contextDirectory,
    Func<string, Stream> openFile)
{
    /// <summary>
    /// Writes the entries in the given order and returns the archive, which is deleted when
    /// the returned stream is disposed. Owners are root and modification times are the Unix
    /// epoch, so the same entries always produce the same bytes.
    /// </summary>
    public FileStream Write(IReadOnlyList<BuildContextEntry> entries, BuildContextHash hash)
    {
        FileStream archive = CreateTemporaryFile();
        try
        {
            using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
            {
                foreach (BuildContextEntry entry in entries)
                {
                    WriteEntry(writer, entry, hash, archive.Name);
                }
            }

            archive.Flush();
            return archive;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private void WriteEntry(
        TarWriter writer,
        BuildContextEntry entry,
        BuildContextHash hash,
        string archivePath)
    {
        var tarEntry = new PaxTarEntry(entry.Type, ArchiveName(entry))
        {
            Mode = entry.Mode,
            ModificationTime = DateTimeOffset.UnixEpoch,
            Uid = 0,
            Gid = 0,
        };
        if (entry.LinkTarget is not null)
        {
            tarEntry.LinkName = entry.LinkTarget;
        }

        if (entry.Type != TarEntryType.RegularFile)
        {
            Append(writer, tarEntry, entry, archivePath);
            hash.AppendEntry(entry, contentDigest: []);
            return;
        }

        Stream? opened = Open(entry);
        if (opened is null)
        {
            return;
        }

        // The file's bytes pass through the hash on their way into the archive, so each file is
        // read from disk once and never held in memory whole.
        using var file = new BuildContextHashingStream(opened, entry.SourcePath);
        tarEntry.DataStream = file;
        Append(writer, tarEntry, entry, archivePath);
        hash.AppendEntry(entry, file.GetDigest());
    }

    private static string ArchiveName(BuildContextEntry entry) =>
        entry.Type == TarEntryType.Directory ? entry.Name + "/" : entry.Name;

    // Returns null for a file deleted since the scan, which is left out like a file deleted
    // before it.
    private Stream? Open(BuildContextEntry entry)
    {
        try
        {
            return openFile(entry.SourcePath);
        }
        catch (Exception exception)
            when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw BuildContextErrors.Unreadable(entry.SourcePath, contextDirectory, exception);
        }
    }

    private static void Append(
        TarWriter writer,
        TarEntry tarEntry,
        BuildContextEntry entry,
        string archivePath)
    {
        try
        {
            writer.WriteEntry(tarEntry);
        }
        catch (IOException exception)
        {
            throw new BuildException(
                $"failed to copy {entry.SourcePath} into the build context archive "
                    + $"{archivePath}: {exception.Message}; check that the file is readable "
                    + "and that the temporary directory has free space");
        }
    }

    private static FileStream CreateTemporaryFile()
    {
        try
        {
            // GetTempFileName creates the file with mode 0600 on Unix, so other users cannot
            // read the sources in it.
            string path = Path.GetTempFileName();
            return new FileStream(
                path,
                FileMode.Open,
                FileAccess.ReadWrite,
                FileShare.Read | FileShare.Delete,
                bufferSize: 81920,
                FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(
                $"failed to create a temporary file for the build context in "
                    + $"{Path.GetTempPath()}: {exception.Message}; "
                    + "set TMPDIR to a writable directory");
        }
    }
}
