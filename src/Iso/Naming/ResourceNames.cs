namespace Iso.Naming;

/// <summary>
/// The names of a session's engine resources. The default session keeps the short names
/// (<c>app-shell</c>, <c>app-network</c>); another session S adds <c>-S</c> after the project.
/// The image is shared by all sessions.
/// </summary>
public sealed record ResourceNames(string Project, string Session)
{
    private string Prefix =>
        Session == SessionName.Default ? Project : $"{Project}-{Session}";

    public string Image => $"{Project}-shell";

    public string PersistentContainer => $"{Prefix}-shell";

    public string Network => $"{Prefix}-network";

    public string Service(string service) => $"{Prefix}-{service}";

    public string FreshContainer(string shortId) => $"{Prefix}-run-{shortId}";

    /// <summary>A named volume for a <c>volumes:</c> path, such as <c>app-go-pkg</c> for /go/pkg.</summary>
    public string SessionVolume(string containerPath) =>
        $"{Prefix}-{SanitisePath(containerPath)}";

    /// <summary>A <c>cache:</c> volume, shared by every session of the project.</summary>
    public string CacheVolume(string containerPath) =>
        $"{Project}-cache-{SanitisePath(containerPath)}";

    private static string SanitisePath(string containerPath) =>
        ProjectName.FromDirectoryName(containerPath.Trim('/').Replace('/', '-'));
}
