using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// The compiled rules (the config's, or the defaults) that have a target to send to. Finding the rules of an event
/// type is a dictionary read after the first event of that type.
/// </summary>
internal sealed class RouteRuleSet
{
    private readonly Dictionary<string, RouteRule[]> _byType = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public RouteRuleSet(IOptions<ChannelsOptions> options)
    {
        var all = RouteCompiler.Compile(options.Value, [], []).Where(r => r.Targets.Count > 0).ToList();
        EventRules = [.. all.Where(r => r.IdleFor is null)];
        IdleRules = [.. all.Where(r => r.IdleFor is not null)];
        DashboardUrl = options.Value.DashboardUrl.TrimEnd('/');
    }

    public IReadOnlyList<RouteRule> EventRules { get; }

    /// <summary>The rules with <c>idle_for</c>, checked by the idle sweep.</summary>
    public IReadOnlyList<RouteRule> IdleRules { get; }

    public string DashboardUrl { get; }

    public bool IsEmpty => EventRules.Count == 0 && IdleRules.Count == 0;

    public RouteRule[] For(string type)
    {
        lock (_lock)
        {
            if (!_byType.TryGetValue(type, out var rules))
            {
                rules = [.. EventRules.Where(r => r.MatchesType(type))];
                if (_byType.Count < 10_000)
                {
                    _byType[type] = rules;
                }
            }
            return rules;
        }
    }
}
