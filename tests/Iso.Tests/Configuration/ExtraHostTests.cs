using Iso.Configuration;
using Iso.Configuration.Values;

namespace Iso.Tests.Configuration;

public sealed class ExtraHostTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Theory]
    [InlineData("db:10.0.0.5", "db", "10.0.0.5")]
    [InlineData("host.docker.internal:host-gateway", "host.docker.internal", "host-gateway")]
    [InlineData("v6:::1", "v6", "::1")]
    [InlineData("v6:2001:db8::5", "v6", "2001:db8::5")]
    [InlineData("v6:[2001:db8::5]", "v6", "2001:db8::5")]
    [InlineData("my_host-1:0.0.0.0", "my_host-1", "0.0.0.0")]
    public void Valid_entry_is_split_at_the_first_colon(string entry, string host, string address)
    {
        Assert.Equal(new ExtraHost(host, address), ExtraHostParser.Parse(entry));
    }

    [Theory]
    [InlineData("db", "expected host:address")]
    [InlineData(":10.0.0.5", "the host name '' is invalid")]
    [InlineData("my host:10.0.0.5", "the host name 'my host' is invalid")]
    [InlineData("db:", "the address '' is invalid")]
    [InlineData("db:10.0.0", "the address '10.0.0' is invalid")]
    [InlineData("db:10.0.0.256", "the address '10.0.0.256' is invalid")]
    [InlineData("db:010.0.0.1", "the address '010.0.0.1' is invalid")]
    [InlineData("db:gateway", "write an IPv4 or IPv6 address or 'host-gateway'")]
    public void Malformed_entry_is_rejected_with_the_reason(string entry, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ExtraHostParser.Parse(entry));

        Assert.Contains(reason, exception.Message);
    }

    [Fact]
    public void Extra_hosts_are_read_from_the_config_file()
    {
        var config = project.LoadConfig("extra_hosts:\n  - api:host-gateway\n  - \"v6:::1\"\n");

        Assert.Equal(
            [new ExtraHost("api", "host-gateway"), new ExtraHost("v6", "::1")],
            config.ExtraHosts
        );
    }

    [Fact]
    public void Malformed_extra_host_names_the_entry()
    {
        var error = project.ConfigErrorFor("extra_hosts:\n  - api=10.0.0.1\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("invalid 'extra_hosts' entry 'api=10.0.0.1'", error.Detail);
        Assert.Contains("expected host:address", error.Detail);
    }
}
