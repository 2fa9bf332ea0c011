namespace HalOSwarm.Ctl.Api;

internal sealed record StartSessionRequest(string? NodeId, string? Prompt, string? Title)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Runtime { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Worktree { get; init; }
}
