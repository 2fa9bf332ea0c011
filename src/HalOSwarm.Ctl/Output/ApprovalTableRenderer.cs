using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Permission requests as a table.</summary>
internal static class ApprovalTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<ApprovalDto> approvals, DateTimeOffset now)
    {
        if (approvals.Count == 0)
        {
            console.WriteLine("no approvals");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "STATE", "SESSION", "PROJECT", "TOOL", "ASKS FOR", "ASKED", "ANSWERED BY");
        foreach (var a in approvals)
        {
            table.AddRow(
                new Text(a.ApprovalId),
                new Text(a.State),
                new Text(a.SessionId ?? "-"),
                new Text(a.Project ?? "-"),
                new Text(a.Tool ?? a.Permission ?? "-"),
                new Text(Humanize.Clip(string.Join(" ; ", a.Patterns ?? []), 60)),
                new Text(Humanize.Ago(a.AskedAt, now)),
                new Text(a.AnsweredBy ?? "-"));
        }
        console.Write(table);
    }
}
