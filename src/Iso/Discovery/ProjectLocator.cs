using Iso.Errors;
using Iso.Naming;

namespace Iso.Discovery;

/// <summary>Finds the project by searching upward for a <c>.iso</c> directory.</summary>
public static class ProjectLocator
{
    /// <summary>
    /// Searches from the shell's logical working directory (<c>$PWD</c> when it names the current
    /// directory, so a symlinked checkout keeps its path) up to the file system root.
    /// </summary>
    public static Project Locate()
    {
        var workingDirectory = LogicalWorkingDirectory();
        for (var directory = workingDirectory; directory is not null;
             directory = Path.GetDirectoryName(directory))
        {
            var isoDirectory = Path.Combine(directory, ".iso");
            if (Directory.Exists(isoDirectory))
            {
                return Create(directory, isoDirectory, workingDirectory);
            }
        }

        throw new ConfigException(
            $"no .iso directory found in {workingDirectory} or any parent; create .iso/Dockerfile");
    }

    private static Project Create(string root, string isoDirectory, string workingDirectory)
    {
        var dockerfile = Path.Combine(isoDirectory, "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            throw new ConfigException(
                $"{dockerfile} not found; every .iso directory needs a Dockerfile for the project image");
        }

        var relative = Path.GetRelativePath(root, workingDirectory);
        if (relative.StartsWith("..", StringComparison.Ordinal))
        {
            throw new ConfigException(
                $"the working directory {workingDirectory} is outside the project root {root}; "
                    + "cd into the project before running iso");
        }

        var name = ProjectName.FromDirectoryName(Path.GetFileName(root));
        return new Project(root, isoDirectory, name, relative == "." ? "" : relative);
    }

    internal static string LogicalWorkingDirectory()
    {
        var physical = Directory.GetCurrentDirectory();
        var logical = Environment.GetEnvironmentVariable("PWD");
        if (string.IsNullOrEmpty(logical) || !Path.IsPathRooted(logical))
        {
            return physical;
        }

        return SameDirectory(logical, physical) ? Path.TrimEndingDirectorySeparator(logical) : physical;
    }

    private static bool SameDirectory(string first, string second)
    {
        try
        {
            var firstTarget = new DirectoryInfo(first).ResolveLinkTarget(returnFinalTarget: true);
            var firstPath = firstTarget?.FullName ?? Path.GetFullPath(first);
            return RealPath(firstPath) == RealPath(second);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string RealPath(string path) => Native.LibC.RealPath(path) ?? path;
}
