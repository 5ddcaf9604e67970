namespace Iso.Configuration;

/// <summary>An <c>/etc/hosts</c> entry, from an <c>extra_hosts</c> entry.</summary>
/// <param name="Host">The host name.</param>
/// <param name="Address">
/// An IPv4 address, an IPv6 address without brackets, or <c>host-gateway</c>, which Docker
/// replaces by the address of the host.
/// </param>
public sealed record ExtraHost(string Host, string Address);
