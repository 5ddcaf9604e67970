using System.Runtime.InteropServices;

namespace Iso.Native;

/// <summary>
/// Starts a child with <c>posix_spawnp</c>. Unlike <see cref="System.Diagnostics.Process"/> it
/// leaves reaping to the caller (PID 1 must reap every orphan, not only its own children), resets
/// every signal to its default (the .NET runtime ignores SIGPIPE, which a child must not inherit)
/// and reports a missing or non-executable program as an errno instead of a forked child.
/// </summary>
internal static unsafe partial class ProcessSpawner
{
    private const short PosixSpawnSetPGroup = 0x02;
    private const short PosixSpawnSetSigDef = 0x04;
    private const short PosixSpawnSetSigMask = 0x08;
    private const int ORdOnly = 0;

    // glibc's posix_spawnattr_t is 336 bytes and posix_spawn_file_actions_t 80 on x86-64 and
    // arm64; sigset_t is 128. The buffers are larger so that no layout detail matters.
    private const int OpaqueSize = 1024;

    /// <summary>Options for one child process.</summary>
    public sealed record Request(
        IReadOnlyList<string> Arguments,
        IReadOnlyDictionary<string, string> Environment,
        string? WorkingDirectory,
        bool StdinFromDevNull,
        bool NewProcessGroup);

    /// <summary>Starts the child and returns its pid, or the errno of a failed start as a negative number.</summary>
    public static int Spawn(Request request)
    {
        var attributes = NativeMemory.AllocZeroed(OpaqueSize);
        var actions = NativeMemory.AllocZeroed(OpaqueSize);
        var signals = NativeMemory.AllocZeroed(OpaqueSize);
        var argv = Utf8Array(request.Arguments);
        var envp = Utf8Array(request.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList());
        try
        {
            SetUpAttributes(attributes, signals, request.NewProcessGroup);
            SetUpFileActions(actions, request);
            int pid;
            var error = PosixSpawnP(&pid, argv[0], actions, attributes, argv, envp);
            return error == 0 ? pid : -error;
        }
        finally
        {
            PosixSpawnAttrDestroy(attributes);
            PosixSpawnFileActionsDestroy(actions);
            FreeUtf8Array(argv, request.Arguments.Count);
            FreeUtf8Array(envp, request.Environment.Count);
            NativeMemory.Free(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(signals);
        }
    }

    private static void SetUpAttributes(void* attributes, void* signals, bool newProcessGroup)
    {
        PosixSpawnAttrInit(attributes);
        var flags = (short)(PosixSpawnSetSigDef | PosixSpawnSetSigMask);
        if (newProcessGroup)
        {
            flags |= PosixSpawnSetPGroup;
            PosixSpawnAttrSetPGroup(attributes, 0);
        }

        PosixSpawnAttrSetFlags(attributes, flags);
        SigFillSet(signals);
        PosixSpawnAttrSetSigDefault(attributes, signals);
        SigEmptySet(signals);
        PosixSpawnAttrSetSigMask(attributes, signals);
    }

    private static void SetUpFileActions(void* actions, Request request)
    {
        PosixSpawnFileActionsInit(actions);
        if (request.StdinFromDevNull)
        {
            PosixSpawnFileActionsAddOpen(actions, 0, "/dev/null", ORdOnly, 0);
        }

        if (request.WorkingDirectory is not null)
        {
            PosixSpawnFileActionsAddChdirNp(actions, request.WorkingDirectory);
        }
    }

    private static byte** Utf8Array(IReadOnlyList<string> values)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = (byte*)Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return array;
    }

    private static void FreeUtf8Array(byte** array, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Marshal.FreeCoTaskMem((nint)array[i]);
        }

        NativeMemory.Free(array);
    }

    [LibraryImport("libc", EntryPoint = "posix_spawnp")]
    private static partial int PosixSpawnP(
        int* pid, byte* file, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static partial int PosixSpawnAttrInit(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static partial int PosixSpawnAttrDestroy(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static partial int PosixSpawnAttrSetFlags(void* attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setpgroup")]
    private static partial int PosixSpawnAttrSetPGroup(void* attributes, int processGroup);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static partial int PosixSpawnAttrSetSigDefault(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static partial int PosixSpawnAttrSetSigMask(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static partial int PosixSpawnFileActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static partial int PosixSpawnFileActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen",
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PosixSpawnFileActionsAddOpen(
        void* actions, int fd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np",
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PosixSpawnFileActionsAddChdirNp(void* actions, string path);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    private static partial int SigFillSet(void* set);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    private static partial int SigEmptySet(void* set);
}
