using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Environment status as tables: every project × node, or one project's items per node with the node's verdict.</summary>
internal static class EnvTableRenderer
{
    public static void RenderAll(IAnsiConsole console, IReadOnlyList<EnvStatusRowDto> rows, DateTimeOffset now)
    {
        if (rows.Count == 0)
        {
            console.WriteLine("no project has an environment manifest on any node");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("PROJECT", "NODE", "VERDICT", "NOT READY", "CHECKED");
        foreach (var r in rows)
        {
            table.AddRow(new Text(r.Project), new Text(r.NodeId + (r.NodeOnline ? "" : " (offline)")), Verdict(r.Verdict),
                new Text(r.Failing.ToString(CultureInfo.InvariantCulture)), new Text(r.CheckedAt is null ? "never" : Humanize.Ago(r.CheckedAt, now)));
        }
        console.Write(table);
    }

    public static void RenderProject(IAnsiConsole console, string project, IReadOnlyList<EnvNodeReportDto> nodes, DateTimeOffset now)
    {
        if (nodes.Count == 0)
        {
            console.WriteLine($"no node hosts {project}");
            return;
        }
        foreach (var node in nodes)
        {
            var header = new Paragraph();
            header.Append($"{project} on {node.NodeId}{(node.NodeOnline ? "" : " (offline)")}: ");
            header.Append(node.Verdict ?? "not checked", new Style(Color(node.Verdict)));
            if (node.CheckedAt is { } at)
            {
                header.Append($" (checked {Humanize.Ago(at, now)} by {node.CheckedBy})");
            }
            console.Write(header);
            console.WriteLine();
            if (node.Error is not null)
            {
                console.WriteLine($"check failed ({node.ErrorCode}): {node.Error}");
            }
            if (node.Items.Count == 0)
            {
                if (node.Verdict is null && node.Error is null)
                {
                    console.WriteLine("no report yet: no manifest covers the project (environments), or its first check has not finished");
                }
                continue;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("ITEM", "EXPECTED", "ACTUAL", "VERDICT", "FIX", "DETAIL");
            foreach (var i in node.Items)
            {
                table.AddRow(new Text(i.Id), new Text(i.Expected ?? "-"), new Text(i.Actual ?? "-"), Verdict(i.Verdict), new Text(i.Fix ?? "-"),
                    new Text(i.Detail is null ? "-" : Humanize.Clip(i.Detail, 60)));
            }
            console.Write(table);
        }
    }

    private static Text Verdict(string? verdict) => new(verdict ?? "not checked", new Style(Color(verdict)));

    private static Color Color(string? verdict) => verdict switch
    {
        "ready" => Spectre.Console.Color.Green,
        "degraded" => Spectre.Console.Color.Yellow,
        "missing" => Spectre.Console.Color.Red,
        _ => Spectre.Console.Color.Grey,
    };
}
