using Iso.Errors;

namespace Iso.Images;

/// <summary>Builds the errors that a user can fix in the build context.</summary>
internal static class BuildContextErrors
{
    /// <summary>
    /// Describes a file or directory of the context that could not be read, with both fixes:
    /// leave it out through <c>.dockerignore</c>, or change its permissions.
    /// </summary>
    public static BuildException Unreadable(
        string path,
        string contextDirectory,
        Exception exception)
    {
        string dockerIgnorePath = Path.Combine(contextDirectory, DockerIgnore.FileName);
        return new BuildException(
            $"failed to read {path} in the build context: {Reason(exception)}; "
                + $"add it to {dockerIgnorePath} or fix its permissions");
    }

    /// <summary>Returns the cause of a failed read in plain words.</summary>
    public static string Reason(Exception exception) =>
        // The message of UnauthorizedAccessException repeats the path, and in the published
        // binary (UseSystemResourceKeys) it is only a resource key.
        exception is UnauthorizedAccessException ? "permission denied" : exception.Message;
}
