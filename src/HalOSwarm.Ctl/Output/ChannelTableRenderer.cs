using System.Globalization;
using HalOSwarm.Ctl.Api;
using Spectre.Console;

namespace HalOSwarm.Ctl.Output;

/// <summary>The channels' status and deliveries as tables.</summary>
internal static class ChannelTableRenderer
{
    public static void RenderStatus(IAnsiConsole console, ChannelsOverviewDto overview)
    {
        var platforms = new Table().Border(TableBorder.Simple).AddColumns("PLATFORM", "STATE", "MODE", "SINCE", "DETAIL");
        foreach (var p in overview.Platforms)
        {
            platforms.AddRow(new Text(p.Kind), new Text(p.State, new Style(StateColor(p.State))), new Text(string.IsNullOrEmpty(p.Mode) ? "-" : p.Mode),
                new Text(Humanize.Time(p.Since)), new Text(p.Detail is null ? "-" : Humanize.Clip(p.Detail, 60)));
        }
        console.Write(platforms);
        if (overview.Targets.Count == 0)
        {
            console.WriteLine("no deliveries yet");
            return;
        }
        var targets = new Table().Border(TableBorder.Simple).AddColumns("TARGET", "PENDING", "DELIVERED", "FAILED");
        foreach (var t in overview.Targets)
        {
            targets.AddRow(new Text(t.Target), Count(t.Pending, Color.Yellow), Count(t.Delivered, Color.Green), Count(t.Failed, Color.Red));
        }
        console.Write(targets);
    }

    public static void RenderDeliveries(IAnsiConsole console, IReadOnlyList<DeliveryDto> deliveries)
    {
        if (deliveries.Count == 0)
        {
            console.WriteLine("no deliveries");
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("ID", "ALERT", "TARGET", "OP", "STATE", "ATTEMPTS", "CREATED", "RULE", "TITLE", "LAST ERROR");
        foreach (var d in deliveries)
        {
            table.AddRow(
                new Text(d.Id.ToString(CultureInfo.InvariantCulture)),
                new Text(d.AlertId.ToString(CultureInfo.InvariantCulture)),
                new Text(d.Target),
                new Text(d.Op),
                new Text(d.State, new Style(StateColor(d.State))),
                new Text(d.Attempts.ToString(CultureInfo.InvariantCulture)),
                new Text(Humanize.Time(d.CreatedAt)),
                new Text(d.Rule),
                new Text(Humanize.Clip(d.Title, 40)),
                new Text(d.LastError is null ? "-" : Humanize.Clip(d.LastError, 60)));
        }
        console.Write(table);
    }

    private static Text Count(long count, Color color) =>
        new(count.ToString(CultureInfo.InvariantCulture), new Style(count > 0 ? color : Color.Grey));

    private static Color StateColor(string state) => state switch
    {
        "connected" or "delivered" => Color.Green,
        "connecting" or "pending" => Color.Yellow,
        "degraded" or "failed" => Color.Red,
        _ => Color.Grey,
    };
}
