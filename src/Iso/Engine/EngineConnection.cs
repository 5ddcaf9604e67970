using System.Net.Sockets;
using Docker.DotNet;
using Iso.Containers;
using Iso.Diagnostics;
using Iso.Errors;

namespace Iso.Engine;

/// <summary>Connects to the Docker engine and agrees on an API version with it.</summary>
public static class EngineConnection
{
    /// <summary>
    /// The newest API version that Docker.DotNet.Enhanced 4.4.1 models: its package describes
    /// Docker Engine v29, which serves API 1.52.
    /// </summary>
    private static readonly Version NewestModelledVersion = new(1, 52);

    /// <summary>
    /// How long the first request may take. An unreachable engine must be reported within 2 s,
    /// and the rest is left for process start-up and the message, as the integration tests check.
    /// </summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Returns a client for the engine named by <c>DOCKER_HOST</c>, else the current Docker
    /// context, else <c>/var/run/docker.sock</c>, using the lower of the engine's API version
    /// and the library's.
    /// </summary>
    public static async Task<DockerClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var endpoint = ResolveEndpoint();
        // NOTE: the probe client is not disposed. Disposing it while the second client opened
        // connections made those fail at random (NullReferenceException or SIGSEGV inside
        // Socket.ConnectAsync, Docker.DotNet.Enhanced 4.4.1), and the process ends soon anyway.
        var probe = Build(endpoint, apiVersion: null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            var version = await probe.System.GetVersionAsync(timeout.Token);
            var apiVersion = Min(Version.Parse(version.APIVersion), NewestModelledVersion);
            Log.Debug($"engine {version.Version} at {endpoint}, API {apiVersion}");

            // The sweep uses the probe client because it is never disposed, while the command
            // disposes its own client, possibly before the sweep has finished.
            OrphanSweeper.Start(probe);
            return Build(endpoint, apiVersion);
        }
        catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
        {
            throw Unreachable(endpoint, exception);
        }
    }

    private static Uri ResolveEndpoint()
    {
        try
        {
            return DockerConfig.Instance.GetEndpoint();
        }
        catch (Exception exception) when (exception is DockerConfigurationException or IOException
            or UriFormatException or System.Text.Json.JsonException)
        {
            throw new EngineException(
                $"cannot find the Docker engine: {exception.Message}; set DOCKER_HOST, for example "
                    + "DOCKER_HOST=unix:///var/run/docker.sock");
        }
    }

    private static DockerClient Build(Uri endpoint, Version? apiVersion)
    {
        var builder = new DockerClientBuilder().WithEndpoint(endpoint);
        if (apiVersion is not null)
        {
            builder = builder.WithApiVersion(apiVersion);
        }

        return builder.WithTimeout(Timeout.InfiniteTimeSpan).Build();
    }

    // Docker.DotNet 4.4.1's TCP connector wraps a refused connection's SocketException in an
    // AggregateException.
    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or SocketException or IOException
            or OperationCanceledException or TimeoutException or DockerApiException
            or AggregateException;

    private static EngineException Unreachable(Uri endpoint, Exception exception)
    {
        var reason = exception is OperationCanceledException
            ? $"no answer within {ConnectTimeout.TotalSeconds:0.#} s"
            : IsMissingSocket(endpoint)
                ? $"the socket {endpoint.LocalPath} does not exist"
                : Innermost(exception).Message;
        return new EngineException(
            $"cannot connect to the Docker engine at {endpoint}: {reason}; start the engine "
                + "(for example 'sudo dockerd &') or point DOCKER_HOST at a running one",
            exception);
    }

    /// <summary>
    /// Reports whether a <c>unix://</c> endpoint names no file, a case that .NET reports only as
    /// "Cannot assign requested address".
    /// </summary>
    private static bool IsMissingSocket(Uri endpoint) =>
        endpoint.Scheme == "unix" && !File.Exists(endpoint.LocalPath);

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static Version Min(Version first, Version second) => first < second ? first : second;
}
