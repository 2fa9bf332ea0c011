namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// What a policy wants done with one session: <see cref="CommandType"/> is null for an alert. <see cref="CountsAttempt"/>
/// is false for follow-ups that finish an earlier intervention (the resume after an abort).
/// </summary>
internal sealed record PolicyDecision(PolicyEventData Event, string? CommandType, bool CountsAttempt = true)
{
    public string Policy => Event.Policy;

    public string Decision => Event.Decision;

    /// <summary>Resume and restart send a prompt, so the session must not be busy when they are submitted.</summary>
    public bool NeedsQuietSession => CommandType is Commands.CommandKinds.Resume or Commands.CommandKinds.Restart;
}
