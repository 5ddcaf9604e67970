namespace Iso.Configuration.Values;

/// <summary>
/// Parses <c>ports</c> entries of the form <c>[ip:]host:container[/tcp|/udp]</c>, as in
/// <c>8080:80</c>, <c>127.0.0.1:8080:80/udp</c> or, with an IPv6 host address in brackets,
/// <c>[::1]:8080:80</c>. Port ranges are not supported.
/// </summary>
internal static class PortMappingParser
{
    public const string Syntax = "[ip:]host:container[/tcp|/udp]";

    /// <exception cref="FormatException">
    /// The entry is malformed, as the message explains.
    /// </exception>
    public static PortMapping Parse(string text)
    {
        var (ports, protocol) = SplitProtocol(text);
        var (hostIp, hostPort, containerPort) = SplitAddress(ports);
        return new PortMapping(
            hostIp,
            ParsePort(hostPort, "host"),
            ParsePort(containerPort, "container"),
            protocol
        );
    }

    private static (string Ports, string Protocol) SplitProtocol(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash < 0)
        {
            return (text, "tcp");
        }

        var protocol = text[(slash + 1)..];
        if (protocol is not ("tcp" or "udp"))
        {
            throw new FormatException(
                $"the protocol must be 'tcp' or 'udp', found {MessageText.Quote(protocol)}"
            );
        }

        return (text[..slash], protocol);
    }

    private static (string? HostIp, string HostPort, string ContainerPort) SplitAddress(
        string ports
    )
    {
        if (ports.StartsWith('['))
        {
            return SplitBracketedAddress(ports);
        }

        var parts = ports.Split(':');
        switch (parts.Length)
        {
            case 2:
                return (null, parts[0], parts[1]);
            case 3 when IpAddressText.IsIPv4(parts[0]):
                return (parts[0], parts[1], parts[2]);
            case 3:
                throw new FormatException(
                    $"the host address {MessageText.Quote(parts[0])} is not an IPv4 address"
                );
            case > 3:
                throw new FormatException(
                    $"expected {Syntax}; write an IPv6 host address in brackets, as in "
                        + "[::1]:8080:80"
                );
            default:
                throw new FormatException(
                    $"expected {Syntax}; both the host port and the container port are required"
                );
        }
    }

    private static (string HostIp, string HostPort, string ContainerPort) SplitBracketedAddress(
        string ports
    )
    {
        var close = ports.IndexOf(']');
        if (close < 0 || close + 1 >= ports.Length || ports[close + 1] != ':')
        {
            throw new FormatException($"expected {Syntax} with the IPv6 address as [address]:");
        }

        var address = ports[1..close];
        if (!IpAddressText.IsIPv6(address))
        {
            throw new FormatException(
                $"the host address {MessageText.Quote(address)} is not an IPv6 address"
            );
        }

        var parts = ports[(close + 2)..].Split(':');
        if (parts.Length != 2)
        {
            throw new FormatException($"expected {Syntax} after the bracketed address");
        }

        return (address, parts[0], parts[1]);
    }

    private static int ParsePort(string text, string role)
    {
        var isNumber = text.Length is >= 1 and <= 5 && text.All(char.IsAsciiDigit);
        var port = isNumber ? int.Parse(text) : 0;
        if (port is < 1 or > 65535)
        {
            throw new FormatException(
                $"the {role} port must be a number from 1 to 65535, found {MessageText.Quote(text)}"
            );
        }

        return port;
    }
}
