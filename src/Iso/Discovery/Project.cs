using Iso.Naming;

namespace Iso.Discovery;

/// <summary>
/// A project found on disk: its root (the folder that contains <c>.iso/</c>), its Docker name and
/// the working directory's path below the root.
/// </summary>
public sealed record Project(string Root, string IsoDirectory, string Name, string RelativeWorkingDirectory)
{
    public string Dockerfile => Path.Combine(IsoDirectory, "Dockerfile");

    public ResourceNames NamesFor(string session) => new(Name, session);
}
