using System.Globalization;

namespace Iso.Init;

/// <summary>
/// A service port that must accept a TCP connection before the hooks and the command run, in
/// the form <c>NAME=ADDRESS:PORT:TIMEOUT_MS</c> that <c>iso init --await</c> takes. The host
/// passes the service's address on the session network, so the probe needs no DNS resolver (the
/// static binary has none that works without glibc's shared libraries).
/// </summary>
internal sealed record ReadinessTarget(string Name, string Address, int Port, TimeSpan Timeout)
{
    public override string ToString() =>
        $"{Name}={Address}:{Port}:{(long)Timeout.TotalMilliseconds}";

    public static ReadinessTarget Parse(string text)
    {
        var equals = text.IndexOf('=');
        var parts = text[(equals + 1)..].Split(':');
        if (equals <= 0 || parts.Length != 3
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var milliseconds))
        {
            throw new Errors.UsageException($"iso init: invalid --await value '{text}'");
        }

        return new ReadinessTarget(text[..equals], parts[0], port, TimeSpan.FromMilliseconds(milliseconds));
    }
}
