using System.Runtime.InteropServices;
using Iso.Errors;
using Iso.Native;

namespace Iso.Init;

/// <summary>
/// Runs <c>pre-run.sh</c>, the command and <c>post-run.sh</c> inside the container, forwarding
/// the signals it receives to whichever of them is running, and returns the command's status.
/// </summary>
internal sealed class CommandSequence(InitOptions options) : IDisposable
{
    /// <summary>How long a command may outlive the first SIGINT or SIGTERM before it is killed.</summary>
    private static readonly TimeSpan KillDelay = TimeSpan.FromSeconds(10);

    private readonly ChildReaper _reaper = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _currentGroup;
    private int _signalsReceived;
    private Timer? _killTimer;

    public async Task<int> RunAsync()
    {
        ForwardSignals();
        var environment = CurrentEnvironment();
        var preRun = HookPath("pre-run.sh");
        if (preRun is not null)
        {
            var status = await RunHookAsync(preRun, environment);
            if (status != 0)
            {
                InitOutput.Error($"pre-run.sh failed with status {status}");
                return status;
            }
        }

        var (started, exitCode) = await RunCommandAsync(environment);
        if (started)
        {
            await RunPostRunAsync(environment, exitCode);
        }

        return exitCode;
    }

    /// <summary>Runs the command; a command that could not be started has no post-run.</summary>
    private async Task<(bool Started, int ExitCode)> RunCommandAsync(
        Dictionary<string, string> environment)
    {
        var request = new ProcessSpawner.Request(
            options.Command, environment, null, StdinFromDevNull: false, NewProcessGroup: true);
        var (pid, status) = _reaper.Start(() => ProcessSpawner.Spawn(request));
        if (pid <= 0)
        {
            return (false, ReportSpawnFailure(options.Command[0], -pid));
        }

        return (true, await WaitForegroundAsync(pid, status));
    }

    private async Task RunPostRunAsync(Dictionary<string, string> environment, int exitCode)
    {
        var postRun = HookPath("post-run.sh");
        if (postRun is null)
        {
            return;
        }

        environment["ISO_EXIT_CODE"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = await RunHookAsync(postRun, environment);
        if (status != 0)
        {
            InitOutput.Error($"warning: post-run.sh failed with status {status}");
        }
    }

    private async Task<int> RunHookAsync(string path, Dictionary<string, string> environment)
    {
        if (HookScript.HasCrLf(path))
        {
            InitOutput.Error(
                $"{Path.GetFileName(path)} has Windows line endings (CRLF); convert it to LF, "
                    + "for example with 'sed -i s/\\r$// .iso/" + Path.GetFileName(path) + "'");
            return ExitCodes.IsoFailure;
        }

        var arguments = HookScript.Arguments(path);
        var request = new ProcessSpawner.Request(
            arguments, environment, null, StdinFromDevNull: true, NewProcessGroup: true);
        var (pid, status) = _reaper.Start(() => ProcessSpawner.Spawn(request));
        if (pid <= 0)
        {
            return ReportSpawnFailure(arguments[0], -pid);
        }

        return await WaitForegroundAsync(pid, status);
    }

    /// <summary>
    /// Waits for a child that leads its own process group. On a terminal that group becomes the
    /// foreground, so Ctrl-C reaches the command once rather than through iso as well.
    /// </summary>
    private async Task<int> WaitForegroundAsync(int pid, Task<int> status)
    {
        Volatile.Write(ref _currentGroup, pid);
        TakeTerminal(pid);
        var rawStatus = await status;
        Volatile.Write(ref _currentGroup, 0);
        TakeTerminal(LibC.GetPid());
        return DecodeStatus(rawStatus);
    }

    private static void TakeTerminal(int group)
    {
        if (LibC.IsATty(0) == 1)
        {
            LibC.TcSetPGrp(0, group);
        }
    }

    private static int DecodeStatus(int status) =>
        LibC.WIfSignaled(status)
            ? ExitCodes.SignalBase + LibC.WTermSig(status)
            : LibC.WExitStatus(status);

    private static int ReportSpawnFailure(string program, int errno)
    {
        if (errno == 2)
        {
            InitOutput.Error($"command not found: {program}");
            return ExitCodes.NotFound;
        }

        InitOutput.Error($"cannot execute {program}: {Marshal.GetPInvokeErrorMessage(errno)}");
        return ExitCodes.CannotExecute;
    }

    private void ForwardSignals()
    {
        // A background process that changes the terminal's foreground group gets SIGTTOU.
        LibC.Signal(LibC.SIGTTOU, LibC.SIG_IGN);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP,
                     PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var group = Volatile.Read(ref _currentGroup);
        if (group == 0)
        {
            return;
        }

        var number = NativeSignalNumber(context.Signal);
        if (Interlocked.Increment(ref _signalsReceived) > 1 && number is LibC.SIGINT or LibC.SIGTERM)
        {
            LibC.Kill(-group, LibC.SIGKILL);
            return;
        }

        LibC.Kill(-group, number);
        _killTimer ??= new Timer(_ => KillCurrentGroup(), null, KillDelay, Timeout.InfiniteTimeSpan);
    }

    private void KillCurrentGroup()
    {
        var group = Volatile.Read(ref _currentGroup);
        if (group != 0)
        {
            LibC.Kill(-group, LibC.SIGKILL);
        }
    }

    private static int NativeSignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => LibC.SIGINT,
        PosixSignal.SIGTERM => LibC.SIGTERM,
        PosixSignal.SIGHUP => LibC.SIGHUP,
        PosixSignal.SIGQUIT => LibC.SIGQUIT,
        _ => (int)signal,
    };

    private string? HookPath(string name)
    {
        if (options.HooksDirectory is null)
        {
            return null;
        }

        var path = Path.Combine(options.HooksDirectory, name);
        return File.Exists(path) ? path : null;
    }

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        return environment;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _killTimer?.Dispose();
    }
}
