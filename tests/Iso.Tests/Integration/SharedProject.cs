namespace Iso.Tests.Integration;

/// <summary>One busybox project shared by the tests of a class that do not change its files.</summary>
public sealed class SharedProject : IAsyncLifetime
{
    public TestProject Project { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Project.DisposeAsync();
}
