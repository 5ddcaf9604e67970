namespace Iso.Init;

/// <summary>
/// The words after <c>iso init</c>:
/// <c>[--hooks DIR] [--run-id ID] [--tty-size ROWSxCOLUMNS] [--await NAME=ADDRESS:PORT:MS]...
/// [-- COMMAND ARG...]</c>.
/// Without a command, init only reaps orphans until it receives SIGTERM, SIGINT or SIGHUP.
/// </summary>
internal sealed record InitOptions(
    string? HooksDirectory,
    string? RunId,
    Terminal.WindowSize? TerminalSize,
    IReadOnlyList<ReadinessTarget> Await,
    IReadOnlyList<string> Command)
{
    /// <summary>
    /// Where init records why the services were not ready, for the host to read from the
    /// container: if it exists, status 125 came from the readiness check.
    /// </summary>
    public string ReadinessReportPath => ReadinessReport.PathFor(RunId);

    public static InitOptions Parse(IReadOnlyList<string> words)
    {
        string? hooks = null;
        string? runId = null;
        Terminal.WindowSize? size = null;
        var targets = new List<ReadinessTarget>();
        var index = 0;
        for (; index < words.Count && words[index] != "--"; index++)
        {
            switch (words[index])
            {
                case "--hooks" when index + 1 < words.Count:
                    hooks = words[++index];
                    break;
                case "--run-id" when index + 1 < words.Count:
                    runId = words[++index];
                    break;
                case "--await" when index + 1 < words.Count:
                    targets.Add(ReadinessTarget.Parse(words[++index]));
                    break;
                case "--tty-size" when index + 1 < words.Count:
                    size = Terminal.WindowSize.Parse(words[++index]);
                    break;
                default:
                    throw new Errors.UsageException($"iso init: unexpected word '{words[index]}'");
            }
        }

        var command = index < words.Count ? words.Skip(index + 1).ToList() : [];
        return new InitOptions(hooks, runId, size, targets, command);
    }
}
