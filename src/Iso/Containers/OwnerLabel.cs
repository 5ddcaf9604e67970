using System.Globalization;
using Iso.Native;

namespace Iso.Containers;

/// <summary>
/// Identifies the iso process that owns a fresh container as <c>host/pid/start-time</c>, so that
/// a later iso can tell that the owner was killed and remove what it left.
/// </summary>
internal static class OwnerLabel
{
    public static string Current() =>
        $"{Environment.MachineName}/{LibC.GetPid()}/{StartTime(LibC.GetPid())}";

    /// <summary>True when the label names a process on this host that no longer runs.</summary>
    public static bool IsDeadOwner(string label)
    {
        var parts = label.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        return StartTime(pid) != parts[2];
    }

    /// <summary>
    /// Field 22 of /proc/PID/stat, the start time in clock ticks since boot, which distinguishes a
    /// reused pid from the original process. It is empty when the process does not exist.
    /// </summary>
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return afterName[19];
        }
        catch (IOException)
        {
            return "";
        }
    }
}
