namespace HalOSwarm.Protocol.Events;

/// <summary>The values of <see cref="AuthLoginData.Status"/>.</summary>
public static class AuthLoginStates
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    /// <summary>The tool has no device flow the agent can run: a person logs in on the node (see the guidance).</summary>
    public const string ManualRequired = "manual_required";

    public static bool IsFinal(string status) => status is Succeeded or Failed or ManualRequired;
}
