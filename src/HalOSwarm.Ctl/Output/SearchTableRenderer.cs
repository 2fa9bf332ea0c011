using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>Search hits as a table, newest first, each snippet on one line with its matches in bold.</summary>
internal static class SearchTableRenderer
{
    public const string MarkStart = "\u27E6";
    public const string MarkEnd = "\u27E7";

    public static void RenderList(IAnsiConsole console, IReadOnlyList<SearchHitDto> hits)
    {
        if (hits.Count == 0)
        {
            console.WriteLine("no matches");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("AT", "SESSION", "PROJECT", "TYPE", "EVENT", "MATCH");
        foreach (var hit in hits)
        {
            table.AddRow(
                new Text(Humanize.Time(hit.Ts)),
                new Text(hit.SessionId ?? "-"),
                new Text(hit.Project ?? "-"),
                new Text(hit.Type),
                new Text(hit.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup(Highlight(Humanize.Clip(hit.Snippet, 120))));
        }
        console.Write(table);
    }

    /// <summary>The snippet as Spectre markup: its text escaped, each match in bold.</summary>
    public static string Highlight(string snippet) =>
        Markup.Escape(snippet).Replace(MarkStart, "[bold]", StringComparison.Ordinal).Replace(MarkEnd, "[/]", StringComparison.Ordinal);
}
