namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// <c>pending</c> until answered: by an operator (<c>approved_once</c>, <c>approved_always</c>, <c>rejected</c>), by a
/// config rule (<c>auto_once</c>, <c>auto_always</c>, <c>auto_reject</c>), by the timeout (<c>expired</c>, answered with
/// <c>approvals.default_reply</c>), or at the agent program itself (<c>answered_elsewhere</c>).
/// </summary>
internal static class ApprovalStates
{
    public const string Pending = "pending";
    public const string ApprovedOnce = "approved_once";
    public const string ApprovedAlways = "approved_always";
    public const string Rejected = "rejected";
    public const string Expired = "expired";
    public const string AutoOnce = "auto_once";
    public const string AutoAlways = "auto_always";
    public const string AutoReject = "auto_reject";
    public const string AnsweredElsewhere = "answered_elsewhere";

    public static readonly IReadOnlyList<string> All =
        [Pending, ApprovedOnce, ApprovedAlways, Rejected, Expired, AutoOnce, AutoAlways, AutoReject, AnsweredElsewhere];

    public static string ForOperator(string reply) => reply switch
    {
        ApprovalReplies.Once => ApprovedOnce,
        ApprovalReplies.Always => ApprovedAlways,
        _ => Rejected,
    };

    public static string ForRule(string reply) => reply switch
    {
        ApprovalReplies.Once => AutoOnce,
        ApprovalReplies.Always => AutoAlways,
        _ => AutoReject,
    };
}
