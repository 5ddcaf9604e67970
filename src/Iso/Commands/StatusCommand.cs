using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Containers;
using Iso.Engine;
using Iso.Images;
using Iso.Init;
using Iso.Networks;
using Iso.Services;
using Iso.Sessions;
using Spectre.Console;

namespace Iso.Commands;

/// <summary>
/// <c>iso status [--json]</c>: the image, the persistent container, each service with its state
/// and readiness, and the network.
/// </summary>
internal static class StatusCommand
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private sealed record ServiceReport(string Name, string Container, string State, string Readiness);

    private sealed record Report(
        string Project,
        string Session,
        string Image,
        bool ImagePresent,
        bool ImageUpToDate,
        string Container,
        string ContainerState,
        string Network,
        bool NetworkExists,
        IReadOnlyList<ServiceReport> Services);

    public static async Task<int> ExecuteAsync(string? session, bool json, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var image = await new ImageManager(client, context).StatusAsync(cancellationToken);
        var container = await new PersistentShell(client, context).InspectAsync(cancellationToken);
        var network = await new NetworkManager(client, context).FindAsync(cancellationToken);
        var shellId = container?.State?.Running == true ? container.ID : null;
        var services = await ServiceReportsAsync(client, context, shellId, cancellationToken);
        var report = new Report(
            context.Project.Name,
            context.Session,
            context.Names.Image,
            image.Present,
            image.UpToDate,
            context.Names.PersistentContainer,
            container?.State?.Status ?? "absent",
            context.Names.Network,
            network is not null,
            services);

        if (json)
        {
            WriteJson(report);
        }
        else
        {
            WriteTable(report);
        }

        return 0;
    }

    private static async Task<IReadOnlyList<ServiceReport>> ServiceReportsAsync(
        DockerClient client, SessionContext context, string? shellId, CancellationToken cancellationToken)
    {
        var services = new ServiceManager(client, context);
        var reports = new List<ServiceReport>();
        foreach (var (definition, container) in await services.InspectAllAsync(cancellationToken))
        {
            var state = container?.State?.Status ?? "absent";
            var readiness = container?.State?.Running != true
                ? "not ready"
                : await ReadinessAsync(client, definition, container, shellId, context, cancellationToken);
            reports.Add(new ServiceReport(definition.Name, services.ContainerName(definition.Name), state, readiness));
        }

        return reports;
    }

    private static async Task<string> ReadinessAsync(
        DockerClient client,
        Configuration.ServiceDefinition definition,
        ContainerInspectResponse container,
        string? shellId,
        SessionContext context,
        CancellationToken cancellationToken)
    {
        if (definition.Port is not { } port)
        {
            return "running (no port to check)";
        }

        EndpointSettings? endpoint = null;
        container.NetworkSettings?.Networks?.TryGetValue(context.Names.Network, out endpoint);
        if (shellId is null || string.IsNullOrEmpty(endpoint?.IPAddress))
        {
            return "unknown (checked from the persistent container; run 'iso start')";
        }

        var target = new ReadinessTarget(definition.Name, endpoint.IPAddress, port, ProbeTimeout);
        var exec = await client.Exec.CreateContainerExecAsync(
            shellId,
            new ContainerExecCreateParameters
            {
                Cmd = [InitProcess.BinaryPath, "init", "--await", target.ToString(), "--", "true"],
                AttachStdout = true,
                AttachStderr = true,
            },
            cancellationToken);
        using (var stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), cancellationToken))
        {
            await stream.ReadOutputToEndAsync(cancellationToken);
        }

        var result = await client.Exec.InspectContainerExecAsync(exec.ID, cancellationToken);
        return result.ExitCode == 0 ? "ready" : $"not ready (port {port} does not accept connections)";
    }

    private static void WriteTable(Report report)
    {
        var table = new Table().AddColumns("resource", "name", "state", "readiness");
        var imageState = "absent";
        if (report.ImagePresent)
        {
            imageState = report.ImageUpToDate ? "up to date" : "stale";
        }

        table.AddRow("image", Markup.Escape(report.Image), imageState, "");
        table.AddRow("container", Markup.Escape(report.Container), report.ContainerState, "");
        foreach (var service in report.Services)
        {
            table.AddRow(
                $"service {Markup.Escape(service.Name)}",
                Markup.Escape(service.Container),
                service.State,
                Markup.Escape(service.Readiness));
        }

        table.AddRow("network", Markup.Escape(report.Network), report.NetworkExists ? "present" : "absent", "");
        AnsiConsole.MarkupLine(
            $"project [bold]{Markup.Escape(report.Project)}[/], session [bold]{Markup.Escape(report.Session)}[/]");
        AnsiConsole.Write(table);
    }

    private static void WriteJson(Report report)
    {
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("project", report.Project);
        writer.WriteString("session", report.Session);
        writer.WriteStartObject("image");
        writer.WriteString("name", report.Image);
        writer.WriteBoolean("present", report.ImagePresent);
        writer.WriteBoolean("upToDate", report.ImageUpToDate);
        writer.WriteEndObject();
        writer.WriteStartObject("container");
        writer.WriteString("name", report.Container);
        writer.WriteString("state", report.ContainerState);
        writer.WriteEndObject();
        writer.WriteStartArray("services");
        foreach (var service in report.Services)
        {
            writer.WriteStartObject();
            writer.WriteString("name", service.Name);
            writer.WriteString("container", service.Container);
            writer.WriteString("state", service.State);
            writer.WriteString("readiness", service.Readiness);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("network");
        writer.WriteString("name", report.Network);
        writer.WriteBoolean("exists", report.NetworkExists);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        stdout.Write("\n"u8);
    }
}
