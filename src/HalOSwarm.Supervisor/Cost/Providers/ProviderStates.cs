namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>The states of <see cref="ProviderPollStatus.State"/>.</summary>
internal static class ProviderStates
{
    /// <summary>The last poll succeeded.</summary>
    public const string Ok = "ok";

    /// <summary>The last poll failed (connection, 5xx or 429 after the retries, a refused key, an unreadable answer).</summary>
    public const string Degraded = "degraded";

    /// <summary>No key, or a placeholder: never polled.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>Configured, not polled yet since the first start.</summary>
    public const string Pending = "pending";
}
