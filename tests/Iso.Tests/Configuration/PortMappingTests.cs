using Iso.Configuration;
using Iso.Configuration.Values;

namespace Iso.Tests.Configuration;

public sealed class PortMappingTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    public static TheoryData<string, PortMapping> ValidEntries =>
        new()
        {
            { "8080:80", new PortMapping(null, 8080, 80, "tcp") },
            { "8080:80/tcp", new PortMapping(null, 8080, 80, "tcp") },
            { "5353:53/udp", new PortMapping(null, 5353, 53, "udp") },
            { "127.0.0.1:8080:80", new PortMapping("127.0.0.1", 8080, 80, "tcp") },
            { "0.0.0.0:1:65535/udp", new PortMapping("0.0.0.0", 1, 65535, "udp") },
            { "[::1]:8080:80", new PortMapping("::1", 8080, 80, "tcp") },
            { "[fe80::1]:53:53/udp", new PortMapping("fe80::1", 53, 53, "udp") },
        };

    [Theory]
    [MemberData(nameof(ValidEntries))]
    public void Valid_entry_is_parsed(string entry, PortMapping expected)
    {
        Assert.Equal(expected, PortMappingParser.Parse(entry));
    }

    [Theory]
    [InlineData("80", "both the host port and the container port are required")]
    [InlineData("0:80", "the host port must be a number from 1 to 65535, found '0'")]
    [InlineData("8080:65536", "the container port must be a number from 1 to 65535, found '65536'")]
    [InlineData("8080:http", "the container port must be a number from 1 to 65535, found 'http'")]
    [InlineData("8000-8010:80", "the host port must be a number")]
    [InlineData(":80", "the host port must be a number")]
    [InlineData("8080:80/sctp", "the protocol must be 'tcp' or 'udp', found 'sctp'")]
    [InlineData("8080:80/", "the protocol must be 'tcp' or 'udp', found ''")]
    [InlineData("localhost:8080:80", "the host address 'localhost' is not an IPv4 address")]
    [InlineData("1.2.3:8080:80", "the host address '1.2.3' is not an IPv4 address")]
    [InlineData("::1:8080:80", "write an IPv6 host address in brackets, as in [::1]:8080:80")]
    [InlineData("[::1:8080:80", "with the IPv6 address as [address]:")]
    [InlineData("[1.2.3.4]:8080:80", "the host address '1.2.3.4' is not an IPv6 address")]
    [InlineData("[::1]:8080", "after the bracketed address")]
    public void Malformed_entry_is_rejected_with_the_reason(string entry, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => PortMappingParser.Parse(entry));

        Assert.Contains(reason, exception.Message);
    }

    [Fact]
    public void Ports_are_read_in_order()
    {
        var config = project.LoadConfig("ports:\n  - 8080:80\n  - \"[::1]:5353:53/udp\"\n");

        Assert.Equal(
            [new PortMapping(null, 8080, 80, "tcp"), new PortMapping("::1", 5353, 53, "udp")],
            config.Ports
        );
    }

    [Fact]
    public void Malformed_port_is_an_error_naming_the_entry()
    {
        var error = project.ConfigErrorFor("ports:\n  - 8080:80\n  - 8081:99999\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("invalid 'ports' entry '8081:99999'", error.Detail);
        Assert.Contains("the container port must be a number from 1 to 65535", error.Detail);
    }

    [Fact]
    public void Numeric_port_entry_is_read_as_text()
    {
        var error = project.ConfigErrorFor("ports:\n  - 8080\n");

        Assert.Contains("invalid 'ports' entry '8080'", error.Detail);
        Assert.Contains("both the host port and the container port are required", error.Detail);
    }

    [Fact]
    public void Host_port_published_twice_is_an_error()
    {
        var error = project.ConfigErrorFor("ports:\n  - 8080:80\n  - 8080:81\n  - 8080:82/udp\n");

        Assert.Equal(3, error.Line);
        Assert.Contains(
            "host port 8080/tcp is already published at line 2, column 5",
            error.Detail
        );
    }

    [Fact]
    public void Host_port_reuse_across_protocols_is_allowed()
    {
        var config = project.LoadConfig(
            "ports:\n  - 8080:80\n  - 8080:80/udp\n  - 127.0.0.1:8080:80\n"
        );

        Assert.Equal(3, config.Ports.Count);
    }
}
