using System.Diagnostics;

namespace Iso.Diagnostics;

/// <summary>
/// iso's own messages on stderr, so that stdout carries only the command's output. Quiet by
/// default; <c>--verbose</c> or <c>ISO_DEBUG=1</c> adds one line per engine step.
/// </summary>
public static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static bool Verbose { get; set; } = Environment.GetEnvironmentVariable("ISO_DEBUG") == "1";

    /// <summary>A progress line for a slow step (build, pull, waiting for a service).</summary>
    public static void Progress(string message) => Console.Error.WriteLine($"iso: {message}");

    public static void Warning(string message) => Console.Error.WriteLine($"iso: warning: {message}");

    public static void Error(string message) => Console.Error.WriteLine($"iso: {message}");

    /// <summary>An engine step with the resource involved, shown only in verbose mode.</summary>
    public static void Debug(string message)
    {
        if (Verbose)
        {
            Console.Error.WriteLine($"iso: [{Clock.ElapsedMilliseconds,5} ms] {message}");
        }
    }

    /// <summary>The first 12 characters of an engine id, as the docker CLI shows them.</summary>
    public static string ShortId(string? id) => id is null ? "?" : id[..Math.Min(12, id.Length)];
}
