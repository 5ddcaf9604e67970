using Iso.Configuration;
using Iso.Discovery;
using Iso.Errors;
using Iso.Init;
using Iso.Naming;

namespace Iso.Sessions;

/// <summary>
/// Everything a command needs to know about the project and session before it touches the
/// engine. Loading it validates every file under <c>.iso/</c>, so a bad input fails before any
/// engine resource exists.
/// </summary>
public sealed record SessionContext(
    Project Project,
    IsoConfig Config,
    IReadOnlyList<ServiceDefinition> Services,
    string Session,
    ResourceNames Names)
{
    public static SessionContext Load(string? sessionOption)
    {
        var session = SessionName.Resolve(sessionOption);
        var project = ProjectLocator.Locate();
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var config = ConfigLoader.LoadConfig(project.Root, project.IsoDirectory, home);
        if (config.Name is not null)
        {
            project = project with { Name = config.Name };
        }

        var services = ConfigLoader.LoadServices(project.IsoDirectory);
        CheckHooks(project);
        return new SessionContext(project, config, services, session, project.NamesFor(session));
    }

    /// <summary>The hooks directory as a path inside the container.</summary>
    public string ContainerHooksDirectory => $"{Config.Workdir.TrimEnd('/')}/.iso";

    /// <summary>The command's working directory: workdir joined with the host's relative path.</summary>
    public string ContainerWorkingDirectory =>
        Project.RelativeWorkingDirectory.Length == 0
            ? Config.Workdir
            : $"{Config.Workdir.TrimEnd('/')}/{Project.RelativeWorkingDirectory.Replace('\\', '/')}";

    /// <summary>The labels of [D3] plus the resource's role.</summary>
    public Dictionary<string, string> Labels(string role) => new()
    {
        [Naming.Labels.Project] = Project.Name,
        [Naming.Labels.ProjectDirectory] = Project.Root,
        [Naming.Labels.Session] = Session,
        [Naming.Labels.Role] = role,
    };

    /// <summary>
    /// Stops when a resource with one of this project's names belongs to another directory: two
    /// checkouts with the same base name would otherwise share containers.
    /// </summary>
    public void CheckOwnership(string resource, IDictionary<string, string>? labels) =>
        CheckOwnership(
            resource,
            labels?.TryGetValue(Naming.Labels.ProjectDirectory, out var owner) == true ? owner : null);

    /// <summary>Stops when <paramref name="owner"/>, a project directory, is not this project's.</summary>
    public void CheckOwnership(string resource, string? owner)
    {
        if (owner is null || owner == Project.Root)
        {
            return;
        }

        throw new IsoException(
            $"{resource} belongs to the project in {owner}, not to {Project.Root}; give this "
                + "project another name with 'name:' in .iso/config.yml");
    }

    private static void CheckHooks(Project project)
    {
        foreach (var hook in new[] { "pre-run.sh", "post-run.sh" })
        {
            var path = Path.Combine(project.IsoDirectory, hook);
            if (File.Exists(path) && HookScript.HasCrLf(path))
            {
                throw new ConfigException(
                    $".iso/{hook} has Windows line endings (CRLF), which /bin/sh cannot run; "
                        + $"convert it to LF, for example with: sed -i 's/\\r$//' .iso/{hook}");
            }
        }
    }
}
