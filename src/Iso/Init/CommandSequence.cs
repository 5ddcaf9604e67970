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

    // SIGPIPE has no PosixSignal member, so it is registered by number. It needs a handler to
    // reach the command at all, because the .NET runtime ignores it and a container's PID 1
    // receives only the signals it has a handler for.
    private const int SigPipe = 13;
    private const nint SigDefault = 0;

    private readonly ChildReaper _reaper = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    // Taken by the signal handler and around each start, so that no signal falls between
    // starting a child and recording its process group.
    private readonly Lock _signalGate = new();
    private int _currentGroup;

    // The first SIGINT, SIGTERM or SIGHUP received. Once it is set, the command is not started.
    private int _interruption;
    private int _signalsReceived;
    private Timer? _killTimer;

    public async Task<int> RunAsync()
    {
        _reaper.ChildStopped = ContinueIfForeground;
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
        int pid;
        Task<int> status;
        lock (_signalGate)
        {
            // A SIGINT, SIGTERM or SIGHUP during or before pre-run ends the sequence here, as it
            // would end a shell script before its next step.
            if (_interruption != 0)
            {
                return (false, ExitCodes.SignalBase + _interruption);
            }

            (pid, status) = StartForeground(request);
        }

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
        int pid;
        Task<int> status;
        lock (_signalGate)
        {
            (pid, status) = StartForeground(request);
        }

        if (pid <= 0)
        {
            return ReportSpawnFailure(arguments[0], -pid);
        }

        return await WaitForegroundAsync(pid, status);
    }

    /// <summary>
    /// Starts a child in a process group of its own, which receives the forwarded signals from
    /// then on. Callers hold <see cref="_signalGate"/>.
    /// </summary>
    private (int Pid, Task<int> Status) StartForeground(ProcessSpawner.Request request)
    {
        var (pid, status) = _reaper.Start(() => ProcessSpawner.Spawn(request));
        if (pid > 0)
        {
            _currentGroup = pid;
        }

        return (pid, status);
    }

    /// <summary>
    /// Waits for a child that leads its own process group. On a terminal that group becomes the
    /// foreground, so Ctrl-C reaches the command once rather than through iso as well.
    /// </summary>
    private async Task<int> WaitForegroundAsync(int pid, Task<int> status)
    {
        if (TakeTerminal(pid))
        {
            // The child may have stopped itself before it owned the terminal (see
            // ContinueIfForeground).
            LibC.Kill(-pid, JobControl.SIGCONT);
        }

        var rawStatus = await status;
        lock (_signalGate)
        {
            _currentGroup = 0;
        }

        TakeTerminal(LibC.GetPid());
        return DecodeStatus(rawStatus);
    }

    /// <summary>
    /// Makes <paramref name="group"/> the terminal's foreground process group. Returns false
    /// without a terminal or when tcsetpgrp fails.
    /// </summary>
    private static bool TakeTerminal(int group) =>
        LibC.IsATty(0) == 1 && LibC.TcSetPGrp(0, group) == 0;

    /// <summary>
    /// Continues a foreground child that stopped on SIGTTIN or SIGTTOU. At start-up an
    /// interactive bash sends itself SIGTTIN while its process group does not own the terminal,
    /// and checks again once continued. If it checked just before <see cref="TakeTerminal"/>,
    /// nothing else would continue it. Background jobs of the command stay stopped.
    /// </summary>
    private static void ContinueIfForeground(int pid, int stopSignal)
    {
        if (stopSignal is not (JobControl.SIGTTIN or JobControl.SIGTTOU) || LibC.IsATty(0) != 1)
        {
            return;
        }

        var group = JobControl.GetPGid(pid);
        if (group > 0 && JobControl.TcGetPGrp(0) == group)
        {
            LibC.Kill(-group, JobControl.SIGCONT);
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

        // The runtime sets SIGPIPE to SIG_IGN at start-up, and it installs no handler for a
        // signal that is ignored when it is registered (which is how nohup keeps working). The
        // handler sets context.Cancel, so init's own writes to a closed pipe just fail with EPIPE.
        LibC.Signal(SigPipe, SigDefault);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP,
                     PosixSignal.SIGQUIT, (PosixSignal)SigPipe })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        var number = NativeSignalNumber(context.Signal);
        int group;
        lock (_signalGate)
        {
            if (_interruption == 0 && number is LibC.SIGINT or LibC.SIGTERM or LibC.SIGHUP)
            {
                _interruption = number;
            }

            group = _currentGroup;
        }

        if (group == 0)
        {
            return;
        }

        // The host iso sends SIGPIPE when the reader of its stdout went away. It neither counts
        // as an interruption nor starts the kill timer.
        if (number == SigPipe)
        {
            LibC.Kill(-group, number);
            return;
        }

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
        int group;
        lock (_signalGate)
        {
            group = _currentGroup;
        }

        if (group != 0)
        {
            LibC.Kill(-group, LibC.SIGKILL);
        }
    }

    internal static int NativeSignalNumber(PosixSignal signal) => signal switch
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
