namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// Rules another feature puts in front of <c>approvals.rules</c> (the governance charter). The watcher asks every source,
/// in registration order, before its own rules: the first verdict wins. <paramref name="patterns"/> are the request's full
/// patterns (the stored approval keeps them shortened).
/// </summary>
internal interface IApprovalRuleSource
{
    Task<ApprovalRuleVerdict?> MatchAsync(ApprovalDto approval, IReadOnlyList<string> patterns, CancellationToken cancellationToken);
}
