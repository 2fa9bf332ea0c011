namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>The checks of <c>channels.routes</c> (patterns, conditions, targets that name configured channels).</summary>
internal static class RouteChecks
{
    public static void Check(ChannelsOptions options, List<string> errors)
    {
        RouteCompiler.Compile(options, errors, []);
        if (!string.IsNullOrEmpty(options.DashboardUrl)
            && (!Uri.TryCreate(options.DashboardUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || options.DashboardUrl.Length > 500))
        {
            errors.Add("channels.dashboard_url: expected an absolute http(s) URL of at most 500 characters (https://hal.example.com)");
        }
    }

    public static void Notes(ChannelsOptions options, List<string> notes)
    {
        var rules = RouteCompiler.Compile(options, [], notes);
        if (options.Routes.Count == 0 && rules.Count == 0)
        {
            notes.Add("channels.routes: empty, and no configured platform has a channel named 'alerts': nothing is routed");
        }
    }
}
