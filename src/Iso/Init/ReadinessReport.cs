namespace Iso.Init;

/// <summary>
/// The file in which init records a readiness failure, inside the container's own file system
/// (never the project mount). One line of tab-separated fields: service, address:port,
/// milliseconds waited, attempts, reason.
/// </summary>
internal static class ReadinessReport
{
    public const string Directory = "/tmp";

    public static string PathFor(string? runId) =>
        $"{Directory}/.iso-readiness-{runId ?? "run"}";

    public static void Write(string path, string failure)
    {
        try
        {
            File.WriteAllText(path, failure + "\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            InitOutput.Error($"cannot record the readiness failure in {path}: {exception.Message}");
        }
    }
}
