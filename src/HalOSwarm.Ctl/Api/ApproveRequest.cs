namespace HalOSwarm.Ctl.Api;

/// <summary>Body of <c>POST /api/v1/approvals/{id}/approve</c>.</summary>
internal sealed record ApproveRequest(bool Always);
