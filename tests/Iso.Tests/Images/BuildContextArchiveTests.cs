using System.Diagnostics;
using System.Formats.Tar;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Iso.Errors;
using Iso.Images;
using Xunit;

namespace Iso.Tests.Images;

[UnsupportedOSPlatform("windows")]
public sealed class BuildContextArchiveTests : IDisposable
{
    private static readonly Dictionary<string, string> NoBuildArgs = [];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Archive_contains_files_under_relative_names()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("src/main.c", "int main;\n");
        _directory.WriteFile("src/lib/util.h", "#pragma once\n");
        _directory.WriteFile(".hidden", "secret-ish\n");
        _directory.CreateDirectory("empty");

        ArchiveContents archive = CreateAndRead();

        string[] expected =
        [
            ".hidden", "Dockerfile", "empty/", "src/", "src/lib/", "src/lib/util.h", "src/main.c",
        ];
        Assert.Equal(expected, archive.Names);
        Assert.Equal("int main;\n", archive["src/main.c"].Content);
        Assert.Equal(TarEntryType.Directory, archive["src/lib/"].Type);
        Assert.Equal(TarEntryType.RegularFile, archive["src/lib/util.h"].Type);
    }

    [Fact]
    public void Empty_file_is_stored_as_regular_file()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("empty.txt");

        ArchiveContents archive = CreateAndRead();

        Assert.Equal(TarEntryType.RegularFile, archive["empty.txt"].Type);
        Assert.Equal("", archive["empty.txt"].Content);
    }

    [Fact]
    public void Archive_preserves_modes_including_the_executable_bit()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("run.sh", "#!/bin/sh\n");
        _directory.SetMode("run.sh", "755");
        _directory.WriteFile("private.txt", "x");
        _directory.SetMode("private.txt", "600");
        _directory.CreateDirectory("locked");
        _directory.SetMode("locked", "700");

        ArchiveContents archive = CreateAndRead();

        Assert.Equal(TempDirectory.Mode("755"), archive["run.sh"].Mode);
        Assert.Equal(TempDirectory.Mode("600"), archive["private.txt"].Mode);
        Assert.Equal(TempDirectory.Mode("700"), archive["locked/"].Mode);
    }

    [Fact]
    public void Archive_stores_symbolic_links_without_following_them()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("target.txt", "target");
        _directory.CreateSymbolicLink("link.txt", "target.txt");
        _directory.CreateSymbolicLink("dangling", "/nonexistent/path");
        _directory.WriteFile("real-dir/inner.txt", "inner");
        _directory.CreateSymbolicLink("dir-link", "real-dir");

        ArchiveContents archive = CreateAndRead();

        Assert.Equal(TarEntryType.SymbolicLink, archive["link.txt"].Type);
        Assert.Equal("target.txt", archive["link.txt"].LinkName);
        Assert.Equal("", archive["link.txt"].Content);
        Assert.Equal("/nonexistent/path", archive["dangling"].LinkName);
        Assert.Equal(TarEntryType.SymbolicLink, archive["dir-link"].Type);
        Assert.Equal("real-dir", archive["dir-link"].LinkName);
        Assert.DoesNotContain(archive.Names, name => name.StartsWith("dir-link/"));
    }

    [Fact]
    public void Archive_leaves_out_files_excluded_by_dockerignore()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile(".dockerignore", "*.log\nsecrets/\n");
        _directory.WriteFile("app.log", "noise");
        _directory.WriteFile("secrets/key", "private");
        _directory.WriteFile("keep.txt", "kept");

        ArchiveContents archive = CreateAndRead();

        Assert.Equal([".dockerignore", "Dockerfile", "keep.txt"], archive.Names);
    }

    [Fact]
    public void Reincluded_file_survives_excluded_directory()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile(".dockerignore", "build\n!build/keep.txt\n");
        _directory.WriteFile("build/keep.txt", "kept");
        _directory.WriteFile("build/other.txt", "dropped");
        _directory.WriteFile("build/sub/deep.txt", "dropped");
        _directory.SetMode("build", "750");

        ArchiveContents archive = CreateAndRead();

        Assert.Equal([".dockerignore", "Dockerfile", "build/", "build/keep.txt"], archive.Names);
        Assert.Equal(TempDirectory.Mode("750"), archive["build/"].Mode);
    }

    [Fact]
    public void Archive_contains_the_Dockerfile_under_DockerfileName()
    {
        _directory.WriteFile(".iso/Dockerfile", "FROM alpine\nRUN true\n");
        _directory.WriteFile("src/app.py", "print()\n");

        using BuildContext context = Create(dockerfile: ".iso/Dockerfile");
        ArchiveContents archive = ArchiveContents.Read(context);

        Assert.Equal(".iso/Dockerfile", context.DockerfileName);
        Assert.Equal("FROM alpine\nRUN true\n", archive[context.DockerfileName].Content);
    }

    [Fact]
    public void Excluded_Dockerfile_and_dockerignore_are_sent()
    {
        _directory.WriteFile(".iso/Dockerfile", "FROM alpine\n");
        _directory.WriteFile(".iso/config.yml", "name: x\n");
        _directory.WriteFile(".dockerignore", ".iso\n.dockerignore\n");
        _directory.WriteFile("app.txt", "app");

        using BuildContext context = Create(dockerfile: ".iso/Dockerfile");
        ArchiveContents archive = ArchiveContents.Read(context);

        Assert.Equal(".iso/Dockerfile", context.DockerfileName);
        Assert.Equal([".dockerignore", ".iso/", ".iso/Dockerfile", "app.txt"], archive.Names);
    }

    [Fact]
    public void Archive_adds_a_Dockerfile_from_outside_the_context()
    {
        string dockerfile = _directory.WriteFile(".iso/Dockerfile", "FROM alpine\nCOPY . /app\n");
        _directory.SetMode(".iso/Dockerfile", "700");
        _directory.WriteFile("app/main.py", "print()\n");

        using BuildContext context = BuildContext.Create(
            _directory.PathOf("app"),
            dockerfile,
            NoBuildArgs);
        ArchiveContents archive = ArchiveContents.Read(context);

        Assert.Equal(".iso-dockerfile", context.DockerfileName);
        Assert.Equal([".iso-dockerfile", "main.py"], archive.Names);
        Assert.Equal("FROM alpine\nCOPY . /app\n", archive[".iso-dockerfile"].Content);
        Assert.Equal(TempDirectory.Mode("644"), archive[".iso-dockerfile"].Mode);
    }

    [Fact]
    public void Added_Dockerfile_avoids_name_collision()
    {
        string dockerfile = _directory.WriteFile("outside/Dockerfile", "FROM alpine\n");
        _directory.WriteFile("context/.iso-dockerfile", "the user's own file");

        using BuildContext context = BuildContext.Create(
            _directory.PathOf("context"),
            dockerfile,
            NoBuildArgs);
        ArchiveContents archive = ArchiveContents.Read(context);

        Assert.Equal(".iso-dockerfile-2", context.DockerfileName);
        Assert.Equal("the user's own file", archive[".iso-dockerfile"].Content);
        Assert.Equal("FROM alpine\n", archive[".iso-dockerfile-2"].Content);
    }

    [Fact]
    public void Symlinked_Dockerfile_is_added_as_file()
    {
        _directory.WriteFile("docker/base.Dockerfile", "FROM alpine\n");
        _directory.CreateSymbolicLink("Dockerfile", "docker/base.Dockerfile");

        using BuildContext context = Create();
        ArchiveContents archive = ArchiveContents.Read(context);

        Assert.Equal(".iso-dockerfile", context.DockerfileName);
        Assert.Equal(TarEntryType.RegularFile, archive[".iso-dockerfile"].Type);
        Assert.Equal("FROM alpine\n", archive[".iso-dockerfile"].Content);
        Assert.Equal(TarEntryType.SymbolicLink, archive["Dockerfile"].Type);
    }

    // Opening a FIFO for reading blocks until a writer appears, so a regression would hang.
    [Fact(Timeout = 30_000)]
    public async Task Archive_skips_sockets_and_fifos()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        using var socket = new Socket(
            AddressFamily.Unix,
            SocketType.Stream,
            ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_directory.PathOf("server.sock")));
        MakeFifo(_directory.PathOf("pipe"));

        ArchiveContents archive = await Task.Run(CreateAndRead);

        Assert.Equal(["Dockerfile"], archive.Names);
    }

    [Fact]
    public void Archive_has_zero_modification_times_and_root_owners()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("dir/file.txt", "x");
        _directory.CreateSymbolicLink("link", "dir");

        ArchiveContents archive = CreateAndRead();

        Assert.All(
            archive.Entries,
            entry => Assert.Equal(DateTimeOffset.UnixEpoch, entry.ModificationTime));
        Assert.All(archive.Entries, entry => Assert.Equal(0, entry.Uid));
        Assert.All(archive.Entries, entry => Assert.Equal(0, entry.Gid));
    }

    [Fact]
    public void Archive_is_reproducible()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        string file = _directory.WriteFile("src/a.txt", "a");

        byte[] first = ReadArchiveBytes();
        File.SetLastWriteTimeUtc(file, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        byte[] second = ReadArchiveBytes();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Archive_can_be_opened_more_than_once()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("data.txt", new string('x', 100_000));
        using BuildContext context = Create();

        using Stream first = context.OpenArchive();
        first.ReadExactly(new byte[1000]);
        using Stream second = context.OpenArchive();

        Assert.Equal(0, second.Position);
        Assert.Equal(1000, first.Position);
        Assert.Equal(["Dockerfile", "data.txt"], ArchiveContents.Read(second).Names);
    }

    [Fact]
    public void Dispose_deletes_the_archive()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        BuildContext context = Create();
        string archivePath = context.ArchivePath;
        bool existedBeforeDispose = File.Exists(archivePath);

        context.Dispose();

        Assert.True(existedBeforeDispose);
        Assert.False(File.Exists(archivePath));
        Assert.Throws<ObjectDisposedException>(() => context.OpenArchive());
    }

    [Fact]
    public void Missing_context_directory_is_config_error()
    {
        string missing = _directory.PathOf("no-such-context");
        string dockerfile = _directory.WriteFile("Dockerfile", "FROM alpine\n");

        var error = Assert.Throws<ConfigException>(
            () => BuildContext.Create(missing, dockerfile, NoBuildArgs));

        Assert.Contains(missing, error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Missing_Dockerfile_is_config_error()
    {
        string missing = _directory.PathOf(".iso/Dockerfile");

        var error = Assert.Throws<ConfigException>(
            () => BuildContext.Create(_directory.Path, missing, NoBuildArgs));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Unreadable_file_is_build_error()
    {
        // The tests may run as root, which reads any file whatever its mode, so the denial is
        // simulated where the file is opened.
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        string secret = _directory.WriteFile("secret.key", "private");

        var error = Assert.Throws<BuildException>(() => BuildContext.Create(
            _directory.Path,
            _directory.PathOf("Dockerfile"),
            NoBuildArgs,
            [],
            openFile: DenyReading(secret)));

        Assert.Contains(secret, error.Message);
        Assert.Contains("permission denied", error.Message);
        Assert.Contains(_directory.PathOf(".dockerignore"), error.Message);
        Assert.Contains("fix its permissions", error.Message);
    }

    [Fact]
    public void Unreadable_file_excluded_by_dockerignore_is_not_read()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile(".dockerignore", "secret.key\n");
        string secret = _directory.WriteFile("secret.key", "private");

        using BuildContext context = BuildContext.Create(
            _directory.Path,
            _directory.PathOf("Dockerfile"),
            NoBuildArgs,
            [],
            openFile: DenyReading(secret));

        Assert.Equal([".dockerignore", "Dockerfile"], ArchiveContents.Read(context).Names);
    }

    [Fact]
    public void File_deleted_during_the_scan_is_left_out()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\n");
        _directory.WriteFile("kept.txt", "kept");
        string deleted = _directory.WriteFile("deleted.txt", "gone");

        using BuildContext context = BuildContext.Create(
            _directory.Path,
            _directory.PathOf("Dockerfile"),
            NoBuildArgs,
            [],
            openFile: path => path == deleted
                ? throw new FileNotFoundException("simulated deletion", path)
                : File.OpenRead(path));

        Assert.Equal(["Dockerfile", "kept.txt"], ArchiveContents.Read(context).Names);
    }

    private BuildContext Create(string dockerfile = "Dockerfile") =>
        BuildContext.Create(_directory.Path, _directory.PathOf(dockerfile), NoBuildArgs);

    private ArchiveContents CreateAndRead()
    {
        using BuildContext context = Create();
        return ArchiveContents.Read(context);
    }

    private byte[] ReadArchiveBytes()
    {
        using BuildContext context = Create();
        using Stream archive = context.OpenArchive();
        using var copy = new MemoryStream();
        archive.CopyTo(copy);
        return copy.ToArray();
    }

    private static Func<string, Stream> DenyReading(string deniedPath) => path =>
        path == deniedPath
            ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
            : File.OpenRead(path);

    private static void MakeFifo(string path)
    {
        using Process mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
