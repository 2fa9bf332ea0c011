using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>One entry of <c>cost.budgets</c> (the same shape as <c>PUT /api/v1/budgets/{name}</c>).</summary>
internal sealed class BudgetOptions
{
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary><c>global</c>, <c>project:NAME</c> or <c>account:NAME</c>.</summary>
    [ConfigurationKeyName("scope")]
    public string Scope { get; set; } = "global";

    /// <summary><c>daily</c>, <c>weekly</c> (from Monday) or <c>monthly</c>, in <c>cost.time_zone</c>.</summary>
    [ConfigurationKeyName("window")]
    public string Window { get; set; } = "daily";

    [ConfigurationKeyName("limit_usd")]
    public decimal? LimitUsd { get; set; }

    [ConfigurationKeyName("limit_tokens")]
    public long? LimitTokens { get; set; }

    /// <summary>Percentages recorded once per window as <c>cost.threshold</c> events.</summary>
    [ConfigurationKeyName("thresholds")]
    public List<int> Thresholds { get; set; } = [];

    /// <summary>At 100 %: <c>alert</c>, <c>block_new</c>, <c>pause</c> or <c>kill</c>.</summary>
    [ConfigurationKeyName("action")]
    public string Action { get; set; } = "alert";
}
