using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>One <c>channels.routes[]</c> rule: which events (<see cref="Match"/>, <see cref="Where"/>) go where, how often.</summary>
internal sealed class ChannelRouteOptions
{
    /// <summary>The rule's name (deliveries and alerts name it); default <c>route-N</c>.</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary>An event type or pattern: <c>session.needs_input</c>, <c>policy.*</c>, <c>*</c>.</summary>
    [ConfigurationKeyName("match")]
    public string Match { get; set; } = "";

    /// <summary>Conditions, all of which must hold: <c>idle_for &gt; 5m</c>, <c>count &gt;= 3 within 10m</c>, <c>project == alpha</c>.</summary>
    [ConfigurationKeyName("where")]
    public List<string> Where { get; set; } = [];

    /// <summary>One target: <c>discord:alerts</c>, <c>slack:#ops</c>, <c>telegram:ops</c>, <c>webhook:n8n</c>.</summary>
    [ConfigurationKeyName("target")]
    public string Target { get; set; } = "";

    /// <summary>More targets, for a rule that alerts several places.</summary>
    [ConfigurationKeyName("targets")]
    public List<string> Targets { get; set; } = [];

    /// <summary>At most one alert per key (session, else node) in this window, e.g. <c>10m</c>; empty: no throttle.</summary>
    [ConfigurationKeyName("throttle")]
    public string Throttle { get; set; } = "";

    /// <summary>The alert's text with <c>{field}</c> placeholders; empty: the event type's default text.</summary>
    [ConfigurationKeyName("template")]
    public string Template { get; set; } = "";
}
