using System.Runtime.Versioning;

namespace Iso.Tests.Images;

/// <summary>A fresh directory under the system temporary directory, deleted on dispose.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("iso-images-test-").FullName;
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>Returns the absolute path of a path relative to the directory.</summary>
    public string PathOf(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Writes a file and its parent directories and returns its absolute path.</summary>
    public string WriteFile(string relativePath, string content = "")
    {
        string path = PathOf(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Creates a directory, with its parents, and returns its absolute path.</summary>
    public string CreateDirectory(string relativePath) =>
        Directory.CreateDirectory(PathOf(relativePath)).FullName;

    /// <summary>Creates a symbolic link that stores <paramref name="target"/> as given.</summary>
    public void CreateSymbolicLink(string relativePath, string target) =>
        File.CreateSymbolicLink(PathOf(relativePath), target);

    /// <summary>Sets a file's permission bits, given as an octal string such as "755".</summary>
    public void SetMode(string relativePath, string octalMode) =>
        File.SetUnixFileMode(PathOf(relativePath), Mode(octalMode));

    /// <summary>Converts an octal string such as "755" to permission bits.</summary>
    public static UnixFileMode Mode(string octalMode) =>
        (UnixFileMode)Convert.ToInt32(octalMode, 8);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
