namespace Iso.Naming;

/// <summary>Label keys that mark every engine resource iso creates.</summary>
public static class Labels
{
    public const string Project = "iso.project";
    public const string ProjectDirectory = "iso.project.dir";
    public const string Session = "iso.session";

    /// <summary>What the resource is: shell, run, service, network or volume.</summary>
    public const string Role = "iso.role";

    /// <summary>The project directory an image was built for; images do not carry <see cref="ProjectDirectory"/>.</summary>
    public const string ImageProjectDirectory = "iso.image.project.dir";

    /// <summary>The content hash of the image's Dockerfile, context and build arguments.</summary>
    public const string ImageHash = "iso.image.hash";

    /// <summary>The fingerprint of a service definition, so that a changed one is recreated.</summary>
    public const string ServiceFingerprint = "iso.service.fingerprint";

    /// <summary>The host, process id and start time of the iso that owns a fresh container.</summary>
    public const string Owner = "iso.owner";

    public const string RoleShell = "shell";
    public const string RoleRun = "run";
    public const string RoleService = "service";
    public const string RoleNetwork = "network";
    public const string RoleVolume = "volume";
    public const string RoleCache = "cache";
}
