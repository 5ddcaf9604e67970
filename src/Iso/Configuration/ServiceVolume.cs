namespace Iso.Configuration;

/// <summary>A named volume mounted into a service, from a service's <c>volumes</c> entry.</summary>
/// <param name="Name">The volume name as written, before any project or session prefix.</param>
/// <param name="Path">The normalised absolute path inside the service container.</param>
public sealed record ServiceVolume(string Name, string Path);
