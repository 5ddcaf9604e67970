namespace Iso.Tests.Integration;

public sealed class PullTests
{
    [SkippableFact(Timeout = 240_000)]
    public async Task Missing_service_image_is_pulled_with_progress_on_stderr()
    {
        Engine.RequireEngine();
        await using var registry = await LocalRegistry.StartAsync();
        var image = await registry.PushAsync(TestProject.BusyboxImage, $"iso-test/pulled-{Guid.NewGuid():N}"[..30]);
        await using var project = new TestProject();
        project.WriteFile(".iso/services.yml", $"""
            services:
              pulled:
                image: {image}
                command: [sleep, "1000"]
            """);

        try
        {
            var result = await project.IsoAsync("run", "echo", "only-this");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("only-this\n", result.StandardOutput);
            Assert.Contains($"pulling image {image}", result.StandardError);
            Assert.NotNull(await Engine.ImageAsync(image));
        }
        finally
        {
            await project.IsoAsync("stop");
            using var client = Engine.Client();
            await client.Images.DeleteImageAsync(image, new Docker.DotNet.Models.ImageDeleteParameters { Force = true });
        }
    }
}
