using System.Text.RegularExpressions;

namespace Iso.Tests.Integration;

/// <summary>
/// Many <c>iso run</c> at once in one project and session, starting with no image and no
/// network: every run succeeds and each shared resource is created once.
/// </summary>
public sealed class ParallelTests : IAsyncLifetime
{
    private const int RunCount = 20;

    private readonly TestProject _project = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _project.DisposeAsync();

    [SkippableTheory(Timeout = 240_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Twenty_runs_at_once_build_the_image_once(bool reuse)
    {
        Engine.RequireEngine();
        Assert.Null(await Engine.ImageAsync(_project.Image));
        Assert.Empty(await Engine.NetworksAsync(_project.Root));

        var runs = Enumerable.Range(0, RunCount).Select(index =>
        {
            string[] reuseOption = reuse ? ["--reuse"] : [];
            return _project.IsoAsync(["run", .. reuseOption, "echo", $"run-{index}"]);
        });
        var results = await Task.WhenAll(runs);

        for (var index = 0; index < RunCount; index++)
        {
            Assert.True(results[index].ExitCode == 0, results[index].ToString());
            Assert.Equal($"run-{index}\n", results[index].StandardOutput);
            Assert.DoesNotContain(
                "conflict", results[index].StandardError, StringComparison.OrdinalIgnoreCase);
        }

        var builds = results.Sum(result => Regex.Matches(result.StandardError, "building image").Count);
        Assert.Equal(1, builds);
        var networks = await Engine.NetworksAsync(_project.Root);
        Assert.Equal([$"{_project.Name}-network"], networks.Select(network => network.Name));
        var containers = (await Engine.ContainersAsync(_project.Root)).Select(c => c.Names!.Single());
        Assert.Equal(reuse ? [$"/{_project.Name}-shell"] : [], containers);
    }
}
