namespace Iso.Configuration.Values;

/// <summary>
/// Parses <c>extra_hosts</c> entries of the form <c>host:address</c>. The entry is split at
/// the first ':', so an IPv6 address needs no brackets (<c>db:::1</c>). Brackets are accepted
/// and removed (<c>db:[::1]</c>).
/// </summary>
internal static class ExtraHostParser
{
    public const string Syntax = "host:address";

    /// <summary>
    /// The address that Docker replaces by the host's address on the container network.
    /// </summary>
    public const string HostGateway = "host-gateway";

    /// <exception cref="FormatException">
    /// The entry is malformed, as the message explains.
    /// </exception>
    public static ExtraHost Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            throw new FormatException($"expected {Syntax}, as in db:10.0.0.5");
        }

        var host = text[..colon];
        if (!NamePatterns.IsHostName(host))
        {
            throw new FormatException(
                $"the host name {MessageText.Quote(host)} is invalid; use letters, digits, "
                    + "'-', '_' and '.' between labels"
            );
        }

        return new ExtraHost(host, ParseAddress(text[(colon + 1)..]));
    }

    private static string ParseAddress(string address)
    {
        var unbracketed = address is ['[', .., ']'] ? address[1..^1] : address;
        var isValid =
            unbracketed == HostGateway
            || IpAddressText.IsIPv4(unbracketed)
            || IpAddressText.IsIPv6(unbracketed);
        if (!isValid)
        {
            throw new FormatException(
                $"the address {MessageText.Quote(address)} is invalid; write an IPv4 or IPv6 "
                    + $"address or '{HostGateway}'"
            );
        }

        return unbracketed;
    }
}
