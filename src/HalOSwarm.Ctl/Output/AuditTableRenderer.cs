using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Audit entries as a table.</summary>
internal static class AuditTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<AuditEntryDto> entries)
    {
        if (entries.Count == 0)
        {
            console.WriteLine("no audit entries");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("AT", "ACTOR", "ACTION", "TARGET", "RESULT", "DURATION", "COMMAND", "ERROR");
        foreach (var e in entries)
        {
            table.AddRow(
                new Text(Humanize.Time(e.At)),
                new Text(e.Actor),
                new Text(e.Action),
                new Text(e.Target ?? "-"),
                new Text(e.Result, new Style(CommandTableRenderer.StateColor(e.Result))),
                new Text(e.DurationMs is { } ms ? ms.ToString(CultureInfo.InvariantCulture) + " ms" : "-"),
                new Text(e.CommandId ?? "-"),
                new Text(e.Error is null ? "-" : Humanize.Clip(e.Error, 60)));
        }
        console.Write(table);
    }
}
