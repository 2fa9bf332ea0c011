namespace HalOSwarm.Protocol.Environments;

/// <summary>How an item that is not ready can be fixed.</summary>
public static class EnvFixes
{
    /// <summary>Writing a file, a directory or a hook from the manifest: applied by itself when provisioning.</summary>
    public const string Safe = "safe";
    /// <summary>Running the tool's install command: proposed, and run only after an operator approves.</summary>
    public const string Approval = "approval";
}
