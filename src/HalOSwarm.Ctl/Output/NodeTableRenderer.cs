using System.Globalization;
using System.Text.Json;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Nodes as a table, and one node as a list of its fields.</summary>
internal static class NodeTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<NodeDto> nodes, DateTimeOffset now)
    {
        if (nodes.Count == 0)
        {
            console.WriteLine("no nodes");
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("ID", "HOSTNAME", "STATUS", "VERSION", "PROJECTS", "SESSIONS", "CPU", "MEMORY", "LAST HEARTBEAT");
        foreach (var n in nodes)
        {
            table.AddRow(
                new Text(n.NodeId),
                new Text(n.Hostname ?? "-"),
                SessionTableRenderer.Status(n.Status),
                new Text(n.AgentVersion ?? "-"),
                new Text(Projects(n)),
                new Text(n.SessionCount.ToString(CultureInfo.InvariantCulture)),
                new Text(n.Resources is { } r ? r.CpuPercent.ToString("0", CultureInfo.InvariantCulture) + "%" : "-"),
                new Text(n.Resources is { } m ? $"{Humanize.Bytes(m.MemUsedBytes)}/{Humanize.Bytes(m.MemTotalBytes)}" : "-"),
                new Text(Humanize.Ago(n.LastHeartbeatAt, now)));
        }
        console.Write(table);
    }

    public static void RenderOne(IAnsiConsole console, NodeDto n, DateTimeOffset now)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Field(string name, string? value) => grid.AddRow(new Text(name), new Text(string.IsNullOrEmpty(value) ? "-" : value));

        Field("node", n.NodeId);
        Field("hostname", n.Hostname);
        grid.AddRow(new Text("status"), SessionTableRenderer.Status(n.Status));
        Field("agent version", n.AgentVersion);
        Field("sessions", n.SessionCount.ToString(CultureInfo.InvariantCulture));
        Field("runtimes", Runtimes(n.Runtimes));
        foreach (var runtime in n.RuntimeDetails ?? [])
        {
            Field("runtime " + runtime.Name, runtime.Available
                ? "available" + (runtime.Version is null ? "" : ", version " + runtime.Version)
                : "unavailable: " + (runtime.Reason ?? "unknown reason"));
        }
        if (n.Resources is { } r)
        {
            Field("cpu", r.CpuPercent.ToString("0.#", CultureInfo.InvariantCulture) + "%");
            Field("memory", $"{Humanize.Bytes(r.MemUsedBytes)} / {Humanize.Bytes(r.MemTotalBytes)}");
            Field("disk", $"{Humanize.Bytes(r.DiskUsedBytes)} / {Humanize.Bytes(r.DiskTotalBytes)}");
        }
        Field("first seen", Humanize.Time(n.FirstSeenAt));
        Field("connected", Humanize.Time(n.ConnectedAt));
        Field("last heartbeat", $"{Humanize.Time(n.LastHeartbeatAt)} ({Humanize.Ago(n.LastHeartbeatAt, now)})");
        Field("durable seq", n.DurableSeq?.ToString(CultureInfo.InvariantCulture));
        foreach (var project in n.Projects ?? [])
        {
            var runtime = project.Runtime is null ? "" : $"  [{project.Runtime}" + (project.RuntimeStatus == "unavailable"
                ? $" unavailable: {project.Reason ?? "unknown reason"}]"
                : "]");
            Field("project", $"{project.Name}  {project.Directory}{runtime}");
        }
        console.Write(grid);
    }

    private static string Projects(NodeDto n) =>
        n.Projects is { Count: > 0 } projects ? Humanize.Clip(string.Join(",", projects.Select(p => p.Name)), 40) : "-";

    // The contract leaves the runtime entries open: names, or objects with a name.
    private static string Runtimes(JsonElement? runtimes)
    {
        if (runtimes is not { ValueKind: JsonValueKind.Array } list)
        {
            return "-";
        }
        var names = list.EnumerateArray().Select(r => r.ValueKind switch
        {
            JsonValueKind.String => r.GetString() ?? "",
            JsonValueKind.Object when r.TryGetProperty("name", out var name) => name.ToString(),
            _ => JsonOutput.Compact(r),
        });
        return string.Join(", ", names);
    }
}
