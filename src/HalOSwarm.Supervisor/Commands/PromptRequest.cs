namespace HalOSwarm.Supervisor.Commands;

/// <summary>Body of <c>POST /api/v1/sessions/{id}/prompt</c>; also the prompt command's args.</summary>
internal sealed record PromptRequest(string? Text);
