using System.Globalization;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Protocol;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HalOSwarm.Ctl.Output;

/// <summary>Sessions as a table, and one session as a list of its fields.</summary>
internal static class SessionTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<SessionDto> sessions, DateTimeOffset now)
    {
        if (sessions.Count == 0)
        {
            console.WriteLine("no sessions");
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("ID", "PROJECT", "NODE", "RUNTIME", "STATUS", "ACTIVITY", "MODEL", "TOKENS IN/OUT", "COST $", "TASK", "LAST ACTIVITY");
        foreach (var s in sessions)
        {
            table.AddRow(
                new Text(s.SessionId),
                new Text(s.Project ?? "-"),
                new Text(s.NodeId ?? "-"),
                new Text((s.Runtime ?? "-") + (s.Adopted ? " (adopted)" : "")),
                Status(s.Status),
                new Text(s.ActivityState ?? "-"),
                new Text(s.Model ?? "-"),
                new Text(TokensInOut(s.Tokens)),
                new Text(Humanize.Cost(s.CostUsd)),
                new Text(Task(s, 40)),
                new Text(Humanize.Ago(s.LastActivityAt, now)));
        }
        console.Write(table);
    }

    public static void RenderOne(IAnsiConsole console, SessionDto s, DateTimeOffset now)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, IRenderable value) => grid.AddRow(new Text(name), value);
        void Field(string name, string? value) => Row(name, new Text(string.IsNullOrEmpty(value) ? "-" : value));

        Field("session", s.SessionId);
        Field("title", s.Title);
        Field("project", s.Project);
        Field("node", s.NodeId);
        Field("runtime", s.Runtime);
        Field("adopted", s.Adopted ? "yes (brought under supervision while it ran)" : "no");
        Row("status", Status(s.Status));
        Field("activity", s.ActivityState is null ? null : s.ActivityState + (s.ActivityDetail is null ? "" : $" ({Humanize.Clip(s.ActivityDetail, 120)})"));
        Field("progress", s.Progress is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p * 100:0}%") : null);
        Field("worktree", s.Worktree is null ? null : $"{s.Worktree} (branch {s.Branch ?? "?"})");
        Field("rate limit", s.RateLimitResetAt is { } reset ? $"resets {Humanize.Time(reset)}" : null);
        Field("model", s.Model);
        var t = s.Tokens ?? TokenCounts.Zero;
        Field("tokens", string.Create(CultureInfo.InvariantCulture,
            $"{t.Input} in / {t.Output} out / {t.Reasoning} reasoning / {t.CacheRead} cache read / {t.CacheWrite} cache write"));
        Field("cost", Humanize.Cost(s.CostUsd));
        Field("context", s.ContextTokens?.ToString(CultureInfo.InvariantCulture));
        Field("compactions", s.CompactionCount.ToString(CultureInfo.InvariantCulture));
        Field("task", Task(s, 200));
        Field("last error", s.LastError);
        Field("parent", s.ParentSessionId);
        Field("started", Humanize.Time(s.StartedAt));
        Field("last activity", $"{Humanize.Time(s.LastActivityAt)} ({Humanize.Ago(s.LastActivityAt, now)})");
        Field("ended", s.EndedAt is null ? null : Humanize.Time(s.EndedAt));
        console.Write(grid);
    }

    public static IRenderable Status(string status) => new Text(status, new Style(status switch
    {
        SessionStatuses.Running or "online" => Color.Green,
        SessionStatuses.Idle => Color.Blue,
        SessionStatuses.Starting => Color.Yellow,
        SessionStatuses.Error or SessionStatuses.Unreachable or "offline" => Color.Red,
        _ => Color.Grey,
    }));

    private static string TokensInOut(TokenCounts? tokens) =>
        tokens is null ? "-" : $"{Humanize.Tokens(tokens.Input)}/{Humanize.Tokens(tokens.Output)}";

    private static string Task(SessionDto s, int max)
    {
        var progress = s.TaskTotal is > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({s.TaskDone ?? 0}/{s.TaskTotal})") : "";
        return string.IsNullOrEmpty(s.CurrentTask) && progress.Length == 0 ? "-" : Humanize.Clip(s.CurrentTask, max) + progress;
    }
}
