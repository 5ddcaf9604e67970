using Iso.Errors;

namespace Iso.Images;

/// <summary>
/// The build context of the project image: a tar archive of the context directory as
/// <c>.dockerignore</c> filters it, plus the Dockerfile, and a hash of everything that goes
/// into the build.
/// </summary>
/// <remarks>
/// The archive is written to a temporary file with mode 0600, which <see cref="Dispose"/>
/// deletes, so a large context is never held in memory, and each file is read from disk once.
/// The archive contains regular files, directories and symbolic links (stored as links, not
/// followed) with their permission bits, in ordinal order by name. Every entry has root as
/// owner and the Unix epoch as modification time, so the same tree always gives the same
/// bytes. Sockets, FIFOs and device files are left out. Like Docker's CLI, iso sends the
/// Dockerfile and <c>.dockerignore</c> even when a pattern excludes them.
/// </remarks>
public sealed class BuildContext : IDisposable
{
    private readonly FileStream _archive;
    private bool _disposed;

    private BuildContext(FileStream archive, string dockerfileName, string contentHash)
    {
        _archive = archive;
        DockerfileName = dockerfileName;
        ContentHash = contentHash;
    }

    /// <summary>
    /// Path of the Dockerfile inside the archive, '/'-separated, for the engine's
    /// <c>dockerfile</c> build parameter. A Dockerfile outside the context, or one reached
    /// through a symbolic link, is added at the root as <c>.iso-dockerfile</c>.
    /// </summary>
    public string DockerfileName { get; }

    /// <summary>
    /// The 128-bit XXH3 hash, as 32 lower-case hexadecimal digits, of each entry's name, type, mode, link
    /// target and content, the Dockerfile's name in the archive and the build arguments.
    /// Modification times, owners and files excluded by <c>.dockerignore</c> do not affect it.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>Temporary file that contains the archive until <see cref="Dispose"/>.</summary>
    internal string ArchivePath => _archive.Name;

    /// <summary>
    /// Scans the context directory, writes the archive and computes the content hash.
    /// </summary>
    /// <param name="contextDirectory">Absolute path of the context directory.</param>
    /// <param name="dockerfilePath">
    /// Absolute path of the Dockerfile, inside or outside the context directory.
    /// </param>
    /// <param name="buildArgs">Build arguments, which take part in the hash.</param>
    /// <exception cref="ConfigException">
    /// The context directory or the Dockerfile is missing, the Dockerfile cannot be read, or
    /// <c>.dockerignore</c> is invalid.
    /// </exception>
    /// <exception cref="BuildException">A file in the context cannot be read.</exception>
    public static BuildContext Create(
        string contextDirectory,
        string dockerfilePath,
        IReadOnlyDictionary<string, string> buildArgs) =>
        Create(contextDirectory, dockerfilePath, buildArgs, [], File.OpenRead);

    /// <summary>
    /// Creates the context, leaving out what <paramref name="excludedPatterns"/> match (in
    /// <c>.dockerignore</c> syntax, before that file's own patterns).
    /// </summary>
    public static BuildContext Create(
        string contextDirectory,
        string dockerfilePath,
        IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyList<string> excludedPatterns) =>
        Create(contextDirectory, dockerfilePath, buildArgs, excludedPatterns, File.OpenRead);

    /// <summary>
    /// Creates the context, opening every file through <paramref name="openFile"/>.
    /// </summary>
    internal static BuildContext Create(
        string contextDirectory,
        string dockerfilePath,
        IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyList<string> excludedPatterns,
        Func<string, Stream> openFile)
    {
        string context = RequireContextDirectory(contextDirectory);
        string dockerfile = RequireDockerfile(dockerfilePath);

        string? dockerfileInContext = BuildContextDockerfile.NameInsideContext(context, dockerfile);
        string[] alwaysIncluded = dockerfileInContext is null
            ? [DockerIgnore.FileName]
            : [DockerIgnore.FileName, dockerfileInContext];
        var scanner = new BuildContextScanner(
            context, DockerIgnore.Load(context, excludedPatterns), alwaysIncluded);
        List<BuildContextEntry> entries = scanner.Scan();

        string dockerfileName =
            BuildContextDockerfile.Place(entries, dockerfileInContext, dockerfile);

        using var hash = new BuildContextHash();
        FileStream archive = new BuildContextArchiveWriter(context, openFile).Write(entries, hash);
        hash.AppendDockerfileName(dockerfileName);
        hash.AppendBuildArgs(buildArgs);
        return new BuildContext(archive, dockerfileName, hash.Finish());
    }

    /// <summary>
    /// Opens the uncompressed tar archive for reading, positioned at 0. Each call returns a new,
    /// independent stream that the caller disposes, so the archive can be sent more than once.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The context has been disposed.</exception>
    public Stream OpenArchive()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new FileStream(
            _archive.Name,
            FileMode.Open,
            FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>
    /// Deletes the temporary archive. A stream from <see cref="OpenArchive"/> that is still open
    /// keeps reading on Unix, where the file is only unlinked.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _archive.Dispose();
    }

    private static string RequireContextDirectory(string contextDirectory)
    {
        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contextDirectory));
        if (!Directory.Exists(path))
        {
            throw new ConfigException(
                $"build context directory {path} not found; create it or change build.context "
                    + "in .iso/config.yml");
        }

        return path;
    }

    private static string RequireDockerfile(string dockerfilePath)
    {
        string path = Path.GetFullPath(dockerfilePath);
        if (!File.Exists(path))
        {
            throw new ConfigException($"Dockerfile {path} not found; create it");
        }

        try
        {
            File.OpenRead(path).Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(
                $"failed to read Dockerfile {path}: {BuildContextErrors.Reason(exception)}; "
                    + "fix its permissions");
        }

        return path;
    }
}
