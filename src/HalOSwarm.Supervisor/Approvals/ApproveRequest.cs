namespace HalOSwarm.Supervisor.Approvals;

/// <summary>Body of <c>POST /api/v1/approvals/{id}/approve</c>: <c>always</c> also allows the same pattern later.</summary>
internal sealed record ApproveRequest(bool? Always);
