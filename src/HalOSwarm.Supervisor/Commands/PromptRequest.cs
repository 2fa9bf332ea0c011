namespace HalOSwarm.Supervisor.Commands;

/// <summary>Body of <c>POST /api/v1/sessions/{id}/prompt</c> and <c>/inject</c>; also those commands' args.</summary>
internal sealed record PromptRequest(string? Text, bool? Interrupt = null);
