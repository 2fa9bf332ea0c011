namespace HalOSwarm.Supervisor.Environments;

/// <summary>Where a proposed install stands.</summary>
internal static class EnvProposalStates
{
    /// <summary>Waiting for an operator.</summary>
    public const string Pending = "pending";
    /// <summary>An operator approved it; the command is running on the node.</summary>
    public const string Approved = "approved";
    /// <summary>An operator rejected it; nothing ran.</summary>
    public const string Rejected = "rejected";
    /// <summary>The command ran and exited with 0.</summary>
    public const string Applied = "applied";
    /// <summary>The command ran and failed, or could not run (the output says why).</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected, Applied, Failed];
}
