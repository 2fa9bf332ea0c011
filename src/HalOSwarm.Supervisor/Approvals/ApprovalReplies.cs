namespace HalOSwarm.Supervisor.Approvals;

/// <summary>The answers an agent program takes (opencode's words).</summary>
internal static class ApprovalReplies
{
    public const string Once = "once";
    public const string Always = "always";
    public const string Reject = "reject";

    public static readonly IReadOnlyList<string> All = [Once, Always, Reject];
}
