namespace HalOSwarm.Supervisor.Governance;

/// <summary>What a charter tool rule does with a matching permission request.</summary>
internal static class CharterActions
{
    /// <summary>Rejected at once; the approval and the audit name the rule, and a <c>charter.violation</c> is recorded.</summary>
    public const string Deny = "deny";

    /// <summary>Left for a person, even if an <c>approvals.rules</c> entry would answer it.</summary>
    public const string Ask = "ask";

    /// <summary>Approved once.</summary>
    public const string Allow = "allow";

    public static readonly IReadOnlyList<string> All = [Deny, Ask, Allow];
}
