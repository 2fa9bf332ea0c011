using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>The identifier and key rules of a command request (docs/API.md, Limits).</summary>
internal static class SubmissionCheck
{
    public const int MaxIdempotencyKeyChars = 200;

    public static FieldError? Problem(CommandSubmission submission)
    {
        if (submission.IdempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyChars || !ProtocolLimits.IsLabel(key)))
        {
            return new("idempotency_key", $"must be 1-{MaxIdempotencyKeyChars} characters without control characters");
        }
        if (submission.SessionId is { } sessionId && !ProtocolLimits.IsSessionId(sessionId))
        {
            return new("session_id", $"must be 1-{ProtocolLimits.MaxSessionIdLength} characters of A-Z a-z 0-9 . _ : @ + = -");
        }
        if (submission.Project is { } project && !ProtocolLimits.IsProjectName(project))
        {
            return new("project", $"must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'");
        }
        if (submission.NodeId is { } nodeId && ProtocolLimits.NodeIdProblem(nodeId) is { } problem)
        {
            return new("node_id", problem);
        }
        return null;
    }
}
