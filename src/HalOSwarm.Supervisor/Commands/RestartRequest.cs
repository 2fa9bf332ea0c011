namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The optional body of <c>POST /api/v1/sessions/{id}/restart</c>: <c>to_node</c> migrates the session, its successor
/// starting on that node (or, for <c>auto</c>, on another node hosting the project, chosen by the placement).
/// </summary>
internal sealed record RestartRequest(string? ToNode);
