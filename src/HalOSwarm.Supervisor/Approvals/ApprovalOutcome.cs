using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// What answering a request did: <see cref="Approval"/> is null when the id is unknown; <see cref="Answered"/> is false
/// when it had been answered already (then nothing was sent); <see cref="Command"/> is the <c>permission_reply</c>
/// sent to the agent, <see cref="Error"/> why it could not be sent.
/// </summary>
internal sealed record ApprovalOutcome(ApprovalDto? Approval, bool Answered, CommandDto? Command, string? Error);
