namespace HalOSwarm.Ctl.Api;

/// <summary>One limit in force with the config key it comes from.</summary>
internal sealed record CharterLimitDto
{
    public string Name { get; init; } = "";
    public int Value { get; init; }
    public string Key { get; init; } = "";
}
