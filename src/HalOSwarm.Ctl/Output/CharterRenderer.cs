using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>The charter in force: per project, its limits and its tool rules, each with the config key it comes from.</summary>
internal static class CharterRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<CharterDto> charters)
    {
        foreach (var charter in charters)
        {
            console.WriteLine(charter.Project is null ? "fleet default" : $"project {charter.Project}");
            if (charter.Limits.Count == 0)
            {
                console.WriteLine("  no limits");
            }
            else
            {
                var limits = new Table().Border(TableBorder.Simple).AddColumns("LIMIT", "VALUE", "KEY");
                foreach (var l in charter.Limits)
                {
                    limits.AddRow(new Text(l.Name), new Text(l.Value.ToString(CultureInfo.InvariantCulture)), new Text(l.Key));
                }
                console.Write(limits);
            }
            if (charter.Tools.Count == 0)
            {
                console.WriteLine("  no tool rules");
                continue;
            }
            var tools = new Table().Border(TableBorder.Simple).AddColumns("ACTION", "TOOL", "PATTERN", "KEY");
            foreach (var t in charter.Tools)
            {
                tools.AddRow(new Text(t.Action, new Style(ActionColor(t.Action))), new Text(t.Tool ?? "*"), new Text(t.Pattern), new Text(t.Key));
            }
            console.Write(tools);
        }
    }

    private static Color ActionColor(string action) => action switch
    {
        "deny" => Color.Red,
        "ask" => Color.Yellow,
        "allow" => Color.Green,
        _ => Color.Grey,
    };
}
