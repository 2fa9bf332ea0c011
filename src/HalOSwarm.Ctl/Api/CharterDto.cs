namespace HalOSwarm.Ctl.Api;

/// <summary>The charter in force for a project (no project: the fleet default), as <c>GET /api/v1/charter</c> shows it.</summary>
internal sealed record CharterDto
{
    public string? Project { get; init; }
    public IReadOnlyList<CharterLimitDto> Limits { get; init; } = [];
    public IReadOnlyList<CharterToolRuleDto> Tools { get; init; } = [];
}
