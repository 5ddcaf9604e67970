namespace Iso.Services;

/// <summary>
/// A running service as the readiness check uses it: its name (the network alias), the address
/// it has on the session network and the port that must accept connections.
/// </summary>
internal sealed record ServiceEndpoint(string Name, string ContainerId, string Address, int? Port);
