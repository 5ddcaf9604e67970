using System.Net;
using System.Net.Sockets;

namespace Iso.Configuration.Values;

/// <summary>Strict checks for IP addresses written in configuration files.</summary>
internal static class IpAddressText
{
    /// <summary>
    /// Tells whether <paramref name="text"/> is an IPv4 address in dotted-decimal form: four
    /// numbers from 0 to 255 without leading zeros. <see cref="IPAddress.TryParse(string?,
    /// out IPAddress?)"/> alone also accepts forms such as <c>1</c> or <c>1.2.3</c>.
    /// </summary>
    public static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(IsOctet);
    }

    /// <summary>Tells whether <c>text</c> is an IPv6 address without brackets.</summary>
    public static bool IsIPv6(string text) =>
        text.Contains(':')
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsOctet(string part) =>
        part.Length is >= 1 and <= 3
        && part.All(char.IsAsciiDigit)
        && (part.Length == 1 || part[0] != '0')
        && int.Parse(part) <= 255;
}
