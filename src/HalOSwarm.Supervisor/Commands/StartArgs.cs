namespace HalOSwarm.Supervisor.Commands;

internal sealed record StartArgs(string? Prompt, string? Title, string? Model)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Runtime { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Worktree { get; init; }
}
