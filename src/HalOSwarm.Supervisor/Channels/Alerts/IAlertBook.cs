namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// The stored alerts, for whoever acts on one. Acting is claim, act, complete: <see cref="ClaimAsync"/> lets exactly one
/// click act (a second gets <see cref="AlertClaim.Claimed"/> false and the first one's <see cref="Alert.Answer"/>);
/// <see cref="CompleteAsync"/> records what came of it and queues an in-place update of every message of the alert, on
/// every target it was sent to.
/// </summary>
internal interface IAlertBook
{
    Task<Alert?> GetAsync(long alertId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the alert for <paramref name="action"/> by <paramref name="actor"/> (display name <paramref name="by"/>)
    /// from <paramref name="platform"/>. Null alert: unknown id.
    /// </summary>
    Task<AlertClaim> ClaimAsync(long alertId, string action, string actor, string by, string platform, CancellationToken cancellationToken);

    /// <summary>Records the claimed action's outcome in words and queues the in-place updates; returns the alert as it is now.</summary>
    Task<Alert> CompleteAsync(long alertId, string outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the open alerts of a permission request answered somewhere else (the API, halctl, a rule, the timeout, the
    /// agent program itself) with <paramref name="outcome"/> and queues their in-place updates; answered alerts stay as they are.
    /// </summary>
    Task AnswerElsewhereAsync(string approvalId, string outcome, CancellationToken cancellationToken);
}

/// <summary>A claim's result: the alert (null when unknown) and whether this caller may act on it.</summary>
internal sealed record AlertClaim(Alert? Alert, bool Claimed);
