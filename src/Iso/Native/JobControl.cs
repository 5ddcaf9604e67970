using System.Runtime.InteropServices;

namespace Iso.Native;

/// <summary>The libc calls and wait-status macros for children that stop and continue.</summary>
internal static partial class JobControl
{
    public const int SIGCONT = 18;
    public const int SIGTTIN = 21;
    public const int SIGTTOU = 22;

    /// <summary>waitpid(2) option: also report children that stopped.</summary>
    public const int WUNTRACED = 2;

    [LibraryImport("libc", EntryPoint = "tcgetpgrp", SetLastError = true)]
    public static partial int TcGetPGrp(int fd);

    [LibraryImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    public static partial int GetPGid(int pid);

    public static bool WIfStopped(int status) => (status & 0xff) == 0x7f;

    public static int WStopSig(int status) => (status >> 8) & 0xff;
}
