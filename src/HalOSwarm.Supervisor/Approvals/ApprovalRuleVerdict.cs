namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// What an <see cref="IApprovalRuleSource"/> decided: answer with <see cref="Reply"/> as <see cref="Actor"/>, naming the rule
/// <see cref="Key"/>; a null <see cref="Reply"/> leaves the request for a person even if an <c>approvals.rules</c> entry would
/// answer it.
/// </summary>
internal sealed record ApprovalRuleVerdict(string Key, string? Reply, string Actor);
