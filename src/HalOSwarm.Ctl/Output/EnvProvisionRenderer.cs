using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Provisioning results and install proposals as text and tables.</summary>
internal static class EnvProvisionRenderer
{
    public static void RenderProvision(TextWriter output, IReadOnlyList<EnvProvisionResultDto> results)
    {
        foreach (var node in results)
        {
            if (node.Error is { } error)
            {
                output.WriteLine($"{node.NodeId}  {node.Project}: not provisioned ({node.ErrorCode}): {error}");
                continue;
            }
            var verdict = node.VerdictAfter is { } after ? $"{node.VerdictBefore} -> {after}" : node.VerdictBefore;
            output.WriteLine($"{node.NodeId}  {node.Project}  {verdict}{(node.DryRun ? "  (dry run: nothing changed)" : "")}");
            var applied = node.Applied ?? [];
            var proposals = node.Proposals ?? [];
            if (applied.Count == 0 && proposals.Count == 0)
            {
                output.WriteLine("  nothing to provision");
            }
            foreach (var item in applied)
            {
                output.WriteLine($"  {item.Outcome,-12} {item.Id}  {FirstLine(item.Detail)}");
            }
            foreach (var p in proposals)
            {
                var how = p.State == "pending" ? $"  (halctl env approve {p.NodeId} {p.ItemId} --project {p.Project})" : "";
                output.WriteLine($"  {p.State,-12} {p.ItemId}  install: {p.Command}{how}");
            }
        }
    }

    public static void RenderDecision(TextWriter output, EnvDecisionDto decision)
    {
        var p = decision.Proposal;
        output.WriteLine($"proposal {p.Id} {p.State} by {p.DecidedBy}: {p.ItemId} on {p.NodeId} ({p.Project})  install: {p.Command}");
        if (p.Output is { Length: > 0 } text)
        {
            output.WriteLine(text.TrimEnd());
        }
        if (decision.ItemVerdict is not null || decision.Verdict is not null)
        {
            output.WriteLine($"check after: {p.ItemId} {decision.ItemVerdict ?? "unknown"}, project {decision.Verdict ?? "unknown"}");
        }
    }

    public static void RenderProposals(IAnsiConsole console, IReadOnlyList<EnvProposalDto> proposals, DateTimeOffset now)
    {
        if (proposals.Count == 0)
        {
            console.WriteLine("no proposals");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "STATE", "NODE", "PROJECT", "ITEM", "COMMAND", "PROPOSED", "DECIDED BY");
        foreach (var p in proposals)
        {
            table.AddRow(
                new Text(p.Id),
                new Text(p.State),
                new Text(p.NodeId),
                new Text(p.Project),
                new Text(p.ItemId),
                new Text(Humanize.Clip(p.Command, 60)),
                new Text(Humanize.Ago(p.ProposedAt, now)),
                new Text(p.DecidedBy ?? "-"));
        }
        console.Write(table);
    }

    private static string FirstLine(string? text) => text is null ? "" : text.Split('\n', 2)[0];
}
