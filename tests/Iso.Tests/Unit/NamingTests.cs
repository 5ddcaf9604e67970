using Iso.Errors;
using Iso.Naming;

namespace Iso.Tests.Unit;

public sealed class NamingTests
{
    [Theory]
    [InlineData("myapp", "myapp")]
    [InlineData("My Project", "my-project")]
    [InlineData("--weird..name", "weird..name")]
    [InlineData("_x", "x")]
    [InlineData("日本", "iso")]
    [InlineData("", "iso")]
    [InlineData("...", "iso")]
    public void Project_name_is_made_docker_safe(string directory, string expected)
    {
        var name = ProjectName.FromDirectoryName(directory);

        Assert.Equal(expected, name);
    }

    [Fact]
    public void Default_session_keeps_the_short_names()
    {
        var names = new ResourceNames("app", SessionName.Default);

        Assert.Equal("app-shell", names.Image);
        Assert.Equal("app-shell", names.PersistentContainer);
        Assert.Equal("app-network", names.Network);
        Assert.Equal("app-mysql", names.Service("mysql"));
        Assert.Equal("app-go-pkg", names.SessionVolume("/go/pkg"));
        Assert.Equal("app-run-abc", names.FreshContainer("abc"));
    }

    [Fact]
    public void Other_session_adds_its_name_but_shares_the_image()
    {
        var names = new ResourceNames("app", "ci");

        Assert.Equal("app-shell", names.Image);
        Assert.Equal("app-ci-shell", names.PersistentContainer);
        Assert.Equal("app-ci-network", names.Network);
        Assert.Equal("app-ci-redis", names.Service("redis"));
        Assert.Equal("app-ci-data", names.SessionVolume("/data"));
        Assert.Equal("app-cache-root-.cache", names.CacheVolume("/root/.cache"));
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("-leading")]
    [InlineData("UPPER")]
    [InlineData("a/b")]
    public void Invalid_session_name_is_a_usage_error(string session)
    {
        var error = Assert.Throws<UsageException>(() => SessionName.Resolve(session));

        Assert.Contains(session, error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void Session_option_wins_over_the_default()
    {
        Assert.Equal("feature-1", SessionName.Resolve("feature-1"));
    }
}
