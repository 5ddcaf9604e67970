namespace Iso.Configuration;

/// <summary>A command run inside a service whose success means the service is ready.</summary>
/// <param name="Command">The argument vector, run without a shell.</param>
/// <param name="Interval">The time between attempts, 1 second by default.</param>
/// <param name="Timeout">The time one attempt may take, 5 seconds by default.</param>
public sealed record HealthCheck(IReadOnlyList<string> Command, TimeSpan Interval, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
}
