using System.Runtime.InteropServices;
using Iso.Native;

namespace Iso.Init;

/// <summary>
/// Reaps every child that exits: the ones iso started and, when iso is PID 1, the orphans that
/// the kernel hands to it. Callers await the status of the children they started.
/// </summary>
/// <remarks>
/// A thread blocks in <c>waitpid(-1)</c> instead of reacting to SIGCHLD: once the .NET runtime
/// handles SIGCHLD (through PosixSignalRegistration, Process or Console on a terminal) it reaps
/// every child itself when it runs as PID 1, and the statuses iso needs would be lost. Init code
/// therefore writes through <see cref="InitOutput"/> and never uses those three classes for
/// SIGCHLD.
/// </remarks>
internal sealed class ChildReaper
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);

    private readonly object _gate = new();
    private readonly Dictionary<int, TaskCompletionSource<int>> _awaited = [];
    private readonly AutoResetEvent _childStarted = new(false);

    public ChildReaper()
    {
        new Thread(ReapLoop) { IsBackground = true, Name = "iso child reaper" }.Start();
    }

    /// <summary>
    /// The callback for a child that stopped, called on the reaper thread with its pid and stop
    /// signal. The child stays awaited until it exits.
    /// </summary>
    public Action<int, int>? ChildStopped { get; set; }

    /// <summary>
    /// Starts a child through <paramref name="spawn"/> and returns its pid (or a negative errno)
    /// with a task that completes with its raw wait status.
    /// </summary>
    public (int Pid, Task<int> Status) Start(Func<int> spawn)
    {
        lock (_gate)
        {
            var pid = spawn();
            if (pid <= 0)
            {
                return (pid, Task.FromResult(0));
            }

            var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited[pid] = completion;
            _childStarted.Set();
            return (pid, completion.Task);
        }
    }

    private void ReapLoop()
    {
        while (true)
        {
            var pid = LibC.WaitPid(-1, out var status, JobControl.WUNTRACED);
            if (pid > 0 && JobControl.WIfStopped(status))
            {
                ChildStopped?.Invoke(pid, JobControl.WStopSig(status));
            }
            else if (pid > 0)
            {
                Complete(pid, status);
            }
            else if (Marshal.GetLastPInvokeError() == LibC.ECHILD)
            {
                // No children now; orphans can still arrive when iso is PID 1, so look again soon.
                _childStarted.WaitOne(IdlePoll);
            }
        }
    }

    private void Complete(int pid, int status)
    {
        // Taking the lock waits for a Start that is still recording this pid.
        lock (_gate)
        {
            if (_awaited.Remove(pid, out var completion))
            {
                completion.SetResult(status);
            }
        }
    }
}
