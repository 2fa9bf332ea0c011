namespace HalOSwarm.Ctl.Api;

/// <summary>Body of <c>POST /api/v1/projects/{project}/adopt</c>.</summary>
internal sealed record AdoptRequest(string ExternalId, string? NodeId);
