using Iso.Init;
using Iso.Sessions;
using Iso.Terminal;

namespace Iso.Containers;

/// <summary>Builds the <c>iso init</c> argument vector that runs the hooks and a command.</summary>
internal static class InitCommandLine
{
    public static List<string> For(
        SessionContext context,
        IReadOnlyList<string> command,
        WindowSize? size,
        string? runId,
        IReadOnlyList<ReadinessTarget> targets,
        bool runHooks = true)
    {
        var words = new List<string> { InitProcess.BinaryPath, "init" };
        if (runHooks)
        {
            words.AddRange(["--hooks", context.ContainerHooksDirectory]);
        }

        foreach (var target in targets)
        {
            words.AddRange(["--await", target.ToString()]);
        }

        if (size is { } terminalSize)
        {
            words.AddRange(["--tty-size", terminalSize.ToString()]);
        }

        if (runId is not null)
        {
            words.AddRange(["--run-id", runId]);
        }

        words.Add("--");
        words.AddRange(command);
        return words;
    }

    /// <summary>A short random id for container names and run ids.</summary>
    public static string NewShortId() => Guid.NewGuid().ToString("N")[..10];
}
