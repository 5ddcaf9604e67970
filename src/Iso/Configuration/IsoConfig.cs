namespace Iso.Configuration;

/// <summary>The settings of <c>.iso/config.yml</c>, with defaults for absent keys.</summary>
/// <param name="Name">
/// The project name that overrides the one derived from the project directory, or null.
/// </param>
/// <param name="Privileged">Whether the main container runs privileged.</param>
/// <param name="Workdir">
/// The normalised absolute container path where the project root is mounted, never <c>/</c>.
/// </param>
/// <param name="Volumes">Normalised container paths kept in per-session named volumes.</param>
/// <param name="Environment">Variables added to every command's environment.</param>
/// <param name="Cache">Normalised container paths kept in volumes shared by all sessions.</param>
/// <param name="Binds">Host paths mounted into the main container.</param>
/// <param name="ExtraHosts">Entries added to the main container's <c>/etc/hosts</c>.</param>
/// <param name="Ports">Ports published from the main container.</param>
/// <param name="Build">How the project image is built.</param>
/// <remarks>
/// No two of <see cref="Volumes"/>, <see cref="Cache"/> and the container paths of
/// <see cref="Binds"/> are equal, none is <c>/</c>, and none is <see cref="Workdir"/> or
/// inside it.
/// </remarks>
public sealed record IsoConfig(
    string? Name,
    bool Privileged,
    string Workdir,
    IReadOnlyList<string> Volumes,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Cache,
    IReadOnlyList<BindMount> Binds,
    IReadOnlyList<ExtraHost> ExtraHosts,
    IReadOnlyList<PortMapping> Ports,
    BuildSettings Build
)
{
    /// <summary>The container path where the project root is mounted by default.</summary>
    public const string DefaultWorkdir = "/workspace";
}
