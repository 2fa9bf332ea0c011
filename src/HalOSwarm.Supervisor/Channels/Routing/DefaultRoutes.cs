using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Cost.Budgets;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// The rules used when <c>channels.routes</c> is empty: what needs a person goes to every configured channel named
/// <c>alerts</c> (<c>discord:alerts</c>, <c>slack:alerts</c>, <c>telegram:alerts</c>, <c>webhook:alerts</c>) of every
/// configured platform. docs/CHANNELS.md lists them.
/// </summary>
internal static class DefaultRoutes
{
    public const string AlertsName = "alerts";

    /// <summary>The policy decisions a person should hear about (not resume, skipped, scheduled).</summary>
    public const string PolicyDecisionsThatMatter = "kill,abort,restart,alert,cap_reached";

    public static List<ChannelRouteOptions> Build(ChannelsOptions options)
    {
        var targets = ChannelKinds.All.Where(kind => RouteTargets.IsLive(options, kind, AlertsName))
            .Select(kind => RouteTargets.Canonical(kind, AlertsName)).ToList();
        if (targets.Count == 0)
        {
            return [];
        }
        return
        [
            Rule("needs-input", EventTypes.SessionNeedsInput, targets),
            Rule("session-error", EventTypes.SessionError, targets, throttle: "10m"),
            Rule("node-offline", EventTypes.NodeOffline, targets),
            Rule("cost-threshold", BudgetEventTypes.Threshold, targets),
            Rule("cost-forecast", BudgetEventTypes.Forecast, targets),
            Rule("cost-budget", BudgetEventTypes.Action, targets),
            Rule("policy", EventTypes.PolicyPrefix + "*", targets, "data.decision in " + PolicyDecisionsThatMatter),
            Rule("session-idle", EventTypes.SessionIdle, targets, "idle_for > 5m"),
        ];
    }

    private static ChannelRouteOptions Rule(string name, string match, List<string> targets, string? where = null, string throttle = "") => new()
    {
        Name = "default-" + name,
        Match = match,
        Where = where is null ? [] : [where],
        Targets = targets,
        Throttle = throttle,
    };
}
