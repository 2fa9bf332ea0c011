namespace HalOSwarm.Supervisor.Commands;

/// <summary>Body of <c>POST /api/v1/projects/{project}/start</c>; also the start command's args (without node_id).</summary>
internal sealed record StartRequest(string? NodeId, string? Prompt, string? Title, string? Model);
