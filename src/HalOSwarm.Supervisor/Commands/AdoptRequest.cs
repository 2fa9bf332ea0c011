namespace HalOSwarm.Supervisor.Commands;

/// <summary>Body of <c>POST /api/v1/projects/{project}/adopt</c>: the session's id in its runtime, and the node when several host the project.</summary>
internal sealed record AdoptRequest(string? ExternalId, string? NodeId);
