namespace HalOSwarm.Protocol.Events;

/// <summary>
/// Data of <see cref="EventTypes.CredentialsState"/> (node-level, no session id): the version of a tool's pushed credentials
/// the node applied and whether what is on disk is still exactly that (<see cref="InSync"/>) or was changed by hand
/// (<see cref="DriftDetected"/>). Never carries the credentials themselves, nor their digest.
/// </summary>
public sealed record CredentialsStateData(string Tool, int Version, string State)
{
    public const string InSync = "in_sync";

    public const string DriftDetected = "drift_detected";
}
