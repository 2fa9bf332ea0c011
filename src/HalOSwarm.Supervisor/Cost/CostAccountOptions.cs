using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>
/// One entry of <c>cost.accounts</c>: a set of credentials (an API key, a subscription login) and the usage booked to
/// it, matched by provider, runtime, node and project (a left-out matcher matches anything).
/// </summary>
internal sealed class CostAccountOptions
{
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary><c>api</c> (billed per token) or <c>subscription</c> (a login: tokens booked at the equivalent API price, marked as such).</summary>
    [ConfigurationKeyName("kind")]
    public string Kind { get; set; } = "api";

    [ConfigurationKeyName("provider")]
    public string? Provider { get; set; }

    [ConfigurationKeyName("runtime")]
    public string? Runtime { get; set; }

    [ConfigurationKeyName("nodes")]
    public List<string> Nodes { get; set; } = [];

    [ConfigurationKeyName("projects")]
    public List<string> Projects { get; set; } = [];
}
