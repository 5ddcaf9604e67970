using System.Text.Json;
using Iso.Containers;
using Iso.Engine;
using Iso.Images;
using Iso.Networks;
using Iso.Sessions;
using Spectre.Console;

namespace Iso.Commands;

/// <summary><c>iso status [--json]</c>: the image, the persistent container and the network.</summary>
internal static class StatusCommand
{
    private sealed record Report(
        string Project,
        string Session,
        string Image,
        bool ImagePresent,
        bool ImageUpToDate,
        string Container,
        string ContainerState,
        string Network,
        bool NetworkExists);

    public static async Task<int> ExecuteAsync(string? session, bool json, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(session);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var image = await new ImageManager(client, context).StatusAsync(cancellationToken);
        var container = await new PersistentShell(client, context).InspectAsync(cancellationToken);
        var network = await new NetworkManager(client, context).FindAsync(cancellationToken);
        var report = new Report(
            context.Project.Name,
            context.Session,
            context.Names.Image,
            image.Present,
            image.UpToDate,
            context.Names.PersistentContainer,
            container?.State?.Status ?? "absent",
            context.Names.Network,
            network is not null);

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

    private static void WriteTable(Report report)
    {
        var table = new Table().AddColumns("resource", "name", "state");
        var imageState = !report.ImagePresent ? "absent" : report.ImageUpToDate ? "up to date" : "stale";
        table.AddRow("image", report.Image, imageState);
        table.AddRow("container", report.Container, report.ContainerState);
        table.AddRow("network", report.Network, report.NetworkExists ? "present" : "absent");
        AnsiConsole.MarkupLine($"project [bold]{Markup.Escape(report.Project)}[/], session [bold]{Markup.Escape(report.Session)}[/]");
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
        writer.WriteStartObject("network");
        writer.WriteString("name", report.Network);
        writer.WriteBoolean("exists", report.NetworkExists);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        stdout.Write("\n"u8);
    }
}
