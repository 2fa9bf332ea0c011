namespace HalOSwarm.Protocol.Environments;

/// <summary>What applying one item did (<see cref="EnvApplyResult.Outcome"/>).</summary>
public static class EnvApplyOutcomes
{
    /// <summary>The file, directory or hook was written, or the install command exited with 0.</summary>
    public const string Applied = "applied";
    /// <summary>Dry run: what would be done is in the detail; nothing was touched.</summary>
    public const string WouldApply = "would_apply";
    /// <summary>The fix was tried and did not work (the detail says why: the error, or the install's exit code and output tail).</summary>
    public const string Failed = "failed";
    /// <summary>The item has no fix hal can apply (a variable, git remote or branch, a file without content, a tool without an install command).</summary>
    public const string Skipped = "skipped";
}
