namespace Iso.Tests.Integration;

/// <summary>
/// A throw-away project directory with a <c>.iso/</c> folder, for one test or one test class.
/// Disposing it removes every engine resource that carries its directory label, and its image.
/// </summary>
public sealed class TestProject : IAsyncDisposable
{
    public const string BusyboxImage = "iso-base/busybox:latest";
    public const string DebianImage = "iso-base/debian:bookworm";

    private static readonly string TemporaryRoot = Path.Combine(Path.GetTempPath(), "iso-tests");

    public TestProject(string? directoryName = null, string baseImage = BusyboxImage)
    {
        DirectoryName = directoryName ?? $"p-{Guid.NewGuid():N}"[..12];
        Root = Path.Combine(TemporaryRoot, Guid.NewGuid().ToString("N")[..8], DirectoryName);
        Directory.CreateDirectory(Path.Combine(Root, ".iso"));
        WriteFile(".iso/Dockerfile", $"FROM {baseImage}\n");
    }

    public string Root { get; }

    public string DirectoryName { get; }

    /// <summary>The Docker name iso derives from the directory name.</summary>
    public string Name => Naming.ProjectName.FromDirectoryName(DirectoryName);

    public string Image => $"{Name}-shell";

    public string WriteFile(string relativePath, string content, bool executable = false)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (executable)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    public string Subdirectory(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(path);
        return path;
    }

    public Task<IsoResult> IsoAsync(params string[] arguments) => IsoProcess.RunAsync(Root, arguments);

    public Task<IsoResult> IsoAsync(byte[] stdin, params string[] arguments) =>
        IsoProcess.RunAsync(Root, arguments, stdin);

    public Task<IsoResult> IsoInAsync(string workingDirectory, params string[] arguments) =>
        IsoProcess.RunAsync(workingDirectory, arguments);

    public Task<IsoResult> IsoWithEnvironmentAsync(
        IDictionary<string, string?> environment, params string[] arguments) =>
        IsoProcess.RunAsync(Root, arguments, environment: environment);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Engine.RemoveProjectAsync(Root, Image);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
    }
}
