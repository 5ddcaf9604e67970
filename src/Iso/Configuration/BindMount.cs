namespace Iso.Configuration;

/// <summary>A host path mounted into the main container, from a <c>binds</c> entry.</summary>
/// <param name="HostPath">
/// The absolute host path, with <c>~</c> expanded and relative paths resolved against the
/// project root. Whether it exists is not checked.
/// </param>
/// <param name="ContainerPath">The normalised absolute path inside the container.</param>
/// <param name="ReadOnly">Whether the entry ends in <c>:ro</c>.</param>
public sealed record BindMount(string HostPath, string ContainerPath, bool ReadOnly);
