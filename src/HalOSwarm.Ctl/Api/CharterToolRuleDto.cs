namespace HalOSwarm.Ctl.Api;

/// <summary>One tool-call rule in force, in the order rules are tried, with its config key.</summary>
internal sealed record CharterToolRuleDto
{
    public string Key { get; init; } = "";
    public string? Tool { get; init; }
    public string Pattern { get; init; } = "";
    public string Action { get; init; } = "";
}
