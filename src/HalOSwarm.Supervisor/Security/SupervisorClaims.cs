namespace HalOSwarm.Supervisor.Security;

/// <summary>Claim types the supervisor's authentication issues.</summary>
internal static class SupervisorClaims
{
    /// <summary>Which token authenticated the caller; limits that are per token (live streams) key on it.</summary>
    public const string TokenId = "hal:token_id";
}
