using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HalOSwarm.Ctl.Output;

/// <summary>Commands as a table, and one command as a list of its fields.</summary>
internal static class CommandTableRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<CommandDto> commands, DateTimeOffset now)
    {
        if (commands.Count == 0)
        {
            console.WriteLine("no commands");
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("ID", "TYPE", "STATE", "SESSION", "PROJECT", "NODE", "ACTOR", "CREATED", "ERROR");
        foreach (var c in commands)
        {
            table.AddRow(
                new Text(c.CommandId),
                new Text(c.Type),
                State(c.State),
                new Text(c.TargetSessionId ?? "-"),
                new Text(c.Project ?? "-"),
                new Text(c.NodeId ?? "-"),
                new Text(c.Actor ?? "-"),
                new Text(Humanize.Ago(c.CreatedAt, now)),
                new Text(c.Error is null ? "-" : Humanize.Clip(c.Error, 50)));
        }
        console.Write(table);
    }

    public static void RenderOne(IAnsiConsole console, CommandDto c, DateTimeOffset now)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, IRenderable value) => grid.AddRow(new Text(name), value);
        void Field(string name, string? value) => Row(name, new Text(string.IsNullOrEmpty(value) ? "-" : value));

        Field("command", c.CommandId);
        Field("type", c.Type);
        Row("state", State(c.State));
        Field("session", c.SessionId);
        Field("project", c.Project);
        Field("node", c.NodeId);
        Field("actor", c.Actor);
        Field("idempotency key", c.IdempotencyKey);
        Field("correlation id", c.CorrelationId);
        Field("parent command", c.ParentCommandId);
        Field("args", c.Args is { } args ? JsonOutput.Compact(args) : null);
        Field("result", c.Result is { } result ? JsonOutput.Compact(result) : null);
        Field("error", c.Error is null ? null : c.ErrorCode is null ? c.Error : $"{c.Error} ({c.ErrorCode})");
        Field("attempts", c.Attempts?.ToString(CultureInfo.InvariantCulture));
        Field("created", $"{Humanize.Time(c.CreatedAt)} ({Humanize.Ago(c.CreatedAt, now)})");
        Field("deadline", c.Deadline is null ? null : Humanize.Time(c.Deadline));
        Field("finished", c.FinishedAt is null ? null : Humanize.Time(c.FinishedAt));
        console.Write(grid);
    }

    public static IRenderable State(string state) => new Text(state, new Style(StateColor(state)));

    public static Color StateColor(string state) => state switch
    {
        "succeeded" => Color.Green,
        "pending" or "sent" or "accepted" => Color.Yellow,
        "failed" or "timed_out" or "rejected" => Color.Red,
        _ => Color.Grey,
    };
}
