namespace Iso.Tests.Integration;

/// <summary>
/// One project on the Debian base image, which has bash, shared by the terminal tests. Its
/// image is built before the first test, so that no build output lands in a tmux pane.
/// </summary>
public sealed class TerminalProject : IAsyncLifetime
{
    public TestProject Project { get; } = new(baseImage: TestProject.DebianImage);

    public async Task InitializeAsync()
    {
        Project.WriteFile("alpha", "");
        Project.WriteFile("beta", "");
        if (File.Exists(IsoProcess.BinaryPath))
        {
            await Project.IsoAsync("build");
        }
    }

    public async Task DisposeAsync() => await Project.DisposeAsync();
}
