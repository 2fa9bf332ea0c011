namespace HalOSwarm.Supervisor.Approvals;

/// <summary>Arguments of the <c>permission_reply</c> command.</summary>
internal sealed record PermissionReplyArgs(string PermissionId, string Reply);
