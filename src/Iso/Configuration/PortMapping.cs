namespace Iso.Configuration;

/// <summary>A port published from a container, from a <c>ports</c> entry.</summary>
/// <param name="HostIp">
/// The host address to bind, IPv4 or IPv6 without brackets, or null for all addresses.
/// </param>
/// <param name="HostPort">The host port, from 1 to 65535.</param>
/// <param name="ContainerPort">The container port, from 1 to 65535.</param>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
public sealed record PortMapping(string? HostIp, int HostPort, int ContainerPort, string Protocol);
