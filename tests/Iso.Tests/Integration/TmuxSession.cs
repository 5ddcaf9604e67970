using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Iso.Tests.Integration;

/// <summary>
/// A detached tmux session on a server and socket of its own (<c>tmux -L</c>), whose one pane
/// runs an interactive bash with the prompt <c>host$ </c>: a real terminal for iso to run in.
/// Disposing it kills that tmux server.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    public const string HostPrompt = "host$ ";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _socket = $"iso-test-{Guid.NewGuid():N}"[..17];
    private string? _socketPath;

    private TmuxSession()
    {
    }

    /// <summary>Starts the session with a pane of the given size, in <paramref name="directory"/>.</summary>
    public static async Task<TmuxSession> StartAsync(string directory, int columns, int rows)
    {
        var session = new TmuxSession();
        try
        {
            session.Run(
                "new-session", "-d", "-x", $"{columns}", "-y", $"{rows}", "-c", directory,
                $"env PS1='{HostPrompt}' bash --norc --noprofile");
            session._socketPath = session.Run("display-message", "-p", "#{socket_path}").Trim();
            await session.WaitForHostPromptAsync(TimeSpan.FromSeconds(10));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Types <paramref name="text"/> literally, then Enter.</summary>
    public void TypeLine(string text)
    {
        Run("send-keys", "-l", text);
        Run("send-keys", "Enter");
    }

    /// <summary>Sends tmux key names such as <c>C-c</c>.</summary>
    public void SendKeys(params string[] keys) => Run(["send-keys", .. keys]);

    public void Resize(int columns, int rows) =>
        Run("resize-window", "-x", $"{columns}", "-y", $"{rows}");

    /// <summary>The pane's visible text, without the spaces at the ends of lines.</summary>
    public string Capture() => Run("capture-pane", "-p");

    /// <summary>Waits until the pane's last non-empty line is the host shell's prompt.</summary>
    public async Task WaitForHostPromptAsync(TimeSpan timeout) =>
        await WaitForMatchAsync(new Regex($@"(^|\n){Regex.Escape(HostPrompt.TrimEnd())}\s*$"), timeout);

    public async Task WaitForTextAsync(string text, TimeSpan timeout) =>
        await WaitForMatchAsync(new Regex(Regex.Escape(text)), timeout);

    /// <summary>Waits until the pane shows a match of <paramref name="pattern"/>, and returns it.</summary>
    public async Task<Match> WaitForMatchAsync(Regex pattern, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Capture();
            var match = pattern.Match(screen);
            if (match.Success)
            {
                return match;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"the pane showed no match of /{pattern}/ within {timeout.TotalSeconds} s:\n{screen}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is gone already.
        }

        // tmux 3.3 leaves the socket file of a killed server behind.
        if (_socketPath is not null)
        {
            File.Delete(_socketPath);
        }
    }

    private string Run(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-L");
        startInfo.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Remove("TMUX");
        startInfo.Environment.Remove("ISO_SESSION");
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("tmux did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"tmux {string.Join(' ', arguments)} failed with {process.ExitCode}: {error}");
        }

        return output;
    }
}
