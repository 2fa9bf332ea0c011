namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// One policy's memory of one session, kept in memory and persisted after every change (table <c>policy_state</c>).
/// Not thread-safe: the engine works on it under its gate.
/// </summary>
internal sealed class PolicyState(string policy, string sessionId)
{
    public string Policy { get; } = policy;
    public string SessionId { get; } = sessionId;

    /// <summary>Interventions in the current window.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? WindowStartedAt { get; set; }
    public DateTimeOffset? LastInterventionAt { get; set; }
    public bool CapAlerted { get; set; }

    /// <summary>The policy's last command while it is not finished; the policy waits for it.</summary>
    public string? PendingCommandId { get; set; }

    /// <summary>error_loop: errors since the last successful turn.</summary>
    public int ConsecutiveErrors { get; set; }

    /// <summary>resume_after_rate_limit: when to resume; stuck: set after an abort to resume once idle.</summary>
    public DateTimeOffset? ResumeAt { get; set; }

    /// <summary>resume_after_rate_limit: the reset time a retry announced, used if the session then stops.</summary>
    public DateTimeOffset? LimitResetAt { get; set; }

    /// <summary>Starts a new window when <paramref name="window"/> has passed since the last intervention.</summary>
    public void ResetIfQuiet(DateTimeOffset now, TimeSpan window)
    {
        if (LastInterventionAt is { } last && now - last >= window && (Attempts > 0 || CapAlerted))
        {
            Attempts = 0;
            CapAlerted = false;
            WindowStartedAt = null;
        }
    }

    /// <summary>Counts an intervention.</summary>
    public void Intervened(DateTimeOffset now)
    {
        if (Attempts == 0)
        {
            WindowStartedAt = now;
        }
        Attempts++;
        LastInterventionAt = now;
    }

    /// <summary><c>policy:resume_on_idle:ses_1:1732533600:2</c>: one key per intervention of a window.</summary>
    public string IdempotencyKey(int attempt) =>
        $"policy:{Policy}:{SessionId}:{(WindowStartedAt ?? LastInterventionAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeSeconds()}:{attempt}";

    public bool IsEmpty =>
        Attempts == 0 && !CapAlerted && PendingCommandId is null && ConsecutiveErrors == 0 && ResumeAt is null && LimitResetAt is null
        && LastInterventionAt is null;
}
