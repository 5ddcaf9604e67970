using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Iso.Init;

/// <summary>
/// Waits, inside the main container's network namespace, until every service port accepts a TCP
/// connection: what the command itself will see. All services are awaited in parallel.
/// </summary>
internal static class ReadinessProbe
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Returns null when all are ready, else the failure as one line of tab-separated fields:
    /// service, address:port, milliseconds waited, attempts and the reason.
    /// </summary>
    public static async Task<string?> WaitAsync(
        IReadOnlyList<ReadinessTarget> targets, CancellationToken cancellationToken = default)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        var results = await Task.WhenAll(targets.Select(target => WaitAsync(target, cancellationToken)));
        return results.FirstOrDefault(result => result is not null);
    }

    private static async Task<string?> WaitAsync(ReadinessTarget target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        var announced = false;
        string reason;
        while (true)
        {
            attempts++;
            (var ready, reason, var gone) = await TryConnectAsync(target);
            if (ready)
            {
                if (announced)
                {
                    InitOutput.Error($"{target.Name} is ready after {clock.Elapsed.TotalSeconds:0.0} s");
                }

                return null;
            }

            if (gone || clock.Elapsed >= target.Timeout)
            {
                break;
            }

            if (!announced && clock.Elapsed >= QuietPeriod)
            {
                InitOutput.Error($"waiting for {target.Name} to accept connections on port {target.Port}");
                announced = true;
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }

        var waited = (long)clock.Elapsed.TotalMilliseconds;
        return string.Join('\t', target.Name, $"{target.Address}:{target.Port}",
            waited.ToString(CultureInfo.InvariantCulture), attempts.ToString(CultureInfo.InvariantCulture),
            reason);
    }

    /// <summary>
    /// One connection attempt. "Gone" means the address no longer accepts or refuses connections at all (no route, no
    /// host), which is what a service container that exited leaves behind.
    /// </summary>
    private static async Task<(bool Ready, string Reason, bool Gone)> TryConnectAsync(ReadinessTarget target)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(AttemptTimeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(target.Address), target.Port), timeout.Token);
            return (true, "", false);
        }
        catch (OperationCanceledException)
        {
            return (false, "connection attempts timed out", false);
        }
        catch (SocketException exception)
        {
            var gone = exception.SocketErrorCode is SocketError.HostUnreachable or SocketError.NetworkUnreachable;
            return (false, exception.SocketErrorCode == SocketError.ConnectionRefused
                ? "connection refused"
                : exception.Message, gone);
        }
    }
}
