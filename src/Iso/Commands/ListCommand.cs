using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Iso.Engine;
using Iso.Naming;
using Spectre.Console;

namespace Iso.Commands;

/// <summary>
/// <c>iso list [--json]</c>: every resource on the engine that iso created, for any project,
/// grouped by project directory and session. It needs no <c>.iso</c> directory.
/// </summary>
internal static class ListCommand
{
    private sealed record Resource(string ProjectDirectory, string Project, string Session, string Kind, string Name, string State);

    public static async Task<int> ExecuteAsync(bool json, CancellationToken cancellationToken)
    {
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var resources = new List<Resource>();
        resources.AddRange(await ContainersAsync(client, cancellationToken));
        resources.AddRange(await NetworksAsync(client, cancellationToken));
        resources.AddRange(await VolumesAsync(client, cancellationToken));
        var ordered = resources
            .OrderBy(resource => resource.ProjectDirectory, StringComparer.Ordinal)
            .ThenBy(resource => resource.Session, StringComparer.Ordinal)
            .ThenBy(resource => resource.Kind, StringComparer.Ordinal)
            .ThenBy(resource => resource.Name, StringComparer.Ordinal)
            .ToList();

        if (json)
        {
            WriteJson(ordered);
        }
        else
        {
            WriteTable(ordered);
        }

        return 0;
    }

    private static async Task<IEnumerable<Resource>> ContainersAsync(
        DockerClient client, CancellationToken cancellationToken)
    {
        var containers = await client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = ProjectFilter() }, cancellationToken);
        return containers.Select(container => Describe(
            container.Labels, KindOf(container.Labels), container.Names?.FirstOrDefault()?.TrimStart('/') ?? container.ID, container.State));
    }

    private static async Task<IEnumerable<Resource>> NetworksAsync(
        DockerClient client, CancellationToken cancellationToken)
    {
        var networks = await client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = ProjectFilter() }, cancellationToken);
        return networks.Select(network => Describe(network.Labels, "network", network.Name, ""));
    }

    private static async Task<IEnumerable<Resource>> VolumesAsync(
        DockerClient client, CancellationToken cancellationToken)
    {
        var volumes = await client.Volumes.ListAsync(
            new VolumesListParameters { Filters = ProjectFilter() }, cancellationToken);
        return (volumes.Volumes ?? []).Select(volume => Describe(volume.Labels, KindOf(volume.Labels), volume.Name, ""));
    }

    private static IDictionary<string, IDictionary<string, bool>> ProjectFilter() =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [Labels.Project] = true },
        };

    private static string KindOf(IDictionary<string, string>? labels) =>
        labels?.TryGetValue(Labels.Role, out var role) == true ? role : "?";

    private static Resource Describe(IDictionary<string, string>? labels, string kind, string name, string? state)
    {
        string Label(string key) => labels?.TryGetValue(key, out var value) == true ? value : "";
        var session = Label(Labels.Session);
        return new Resource(
            Label(Labels.ProjectDirectory),
            Label(Labels.Project),
            session.Length == 0 ? "(all sessions)" : session,
            kind,
            name,
            state ?? "");
    }

    private static void WriteTable(List<Resource> resources)
    {
        if (resources.Count == 0)
        {
            Console.Error.WriteLine("iso: no resources of any iso project on this engine");
            return;
        }

        foreach (var project in resources.GroupBy(resource => (resource.ProjectDirectory, resource.Project)))
        {
            AnsiConsole.MarkupLine(
                $"[bold]{Markup.Escape(project.Key.Project)}[/] ({Markup.Escape(project.Key.ProjectDirectory)})");
            var table = new Table().AddColumns("session", "kind", "name", "state");
            foreach (var resource in project)
            {
                table.AddRow(
                    Markup.Escape(resource.Session),
                    Markup.Escape(resource.Kind),
                    Markup.Escape(resource.Name),
                    Markup.Escape(resource.State));
            }

            AnsiConsole.Write(table);
        }
    }

    private static void WriteJson(List<Resource> resources)
    {
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var resource in resources)
        {
            writer.WriteStartObject();
            writer.WriteString("projectDirectory", resource.ProjectDirectory);
            writer.WriteString("project", resource.Project);
            writer.WriteString("session", resource.Session);
            writer.WriteString("kind", resource.Kind);
            writer.WriteString("name", resource.Name);
            writer.WriteString("state", resource.State);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        stdout.Write("\n"u8);
    }
}
