namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>
/// The fleet page's "needs attention first" ordering, defined here and nowhere else. Sessions sort by rank, then by
/// last activity (newest first), then by id:
/// <list type="number">
/// <item>0 waiting: a permission request is pending, or the runtime waits for input;</item>
/// <item>1 error: the session's status or activity state is error;</item>
/// <item>2 stuck or unreachable: the runtime reported stuck (idle too long), or the session's node went offline;</item>
/// <item>3 working: starting or running;</item>
/// <item>4 idle;</item>
/// <item>5 ended: completed or killed.</item>
/// </list>
/// Ranks 0–2 are "needs attention". <see cref="RankSql"/> is also the expression of the index
/// <c>ix_sessions_fleet</c> (migration 0016): keep both texts the same, or the page sorts 20,000 rows on every read.
/// The pending-approval part cannot live in an index (another table), so those sessions are read first, apart.
/// </summary>
internal static class FleetOrder
{
    public const int Waiting = 0;
    public const int Error = 1;
    public const int Stuck = 2;
    public const int Working = 3;
    public const int Idle = 4;
    public const int Ended = 5;

    /// <summary>The highest rank that still needs attention.</summary>
    public const int AttentionMax = Stuck;

    public const string RankSql = """
        (CASE WHEN activity_state = 'waiting_for_input' THEN 0
              WHEN status = 'error' OR activity_state = 'error' THEN 1
              WHEN status = 'unreachable' OR activity_state = 'stuck' THEN 2
              WHEN status IN ('starting', 'running') THEN 3
              WHEN status = 'idle' THEN 4
              ELSE 5 END)
        """;

    public const string OrderSql = $"{RankSql}, last_activity_at DESC, session_id DESC";

    /// <summary>Sessions with a pending permission request (a handful: read through the approvals' state index).</summary>
    public const string PendingSessionsSql = "SELECT session_id FROM approvals WHERE state = 'pending' AND session_id IS NOT NULL";

    /// <summary>Why a row needs attention, for its chip; null when it does not.</summary>
    public static string? Reason(FleetSessionRow row) => row.Rank switch
    {
        Waiting when row.PendingApproval => "approval pending",
        Waiting => "waiting for input",
        Error => "error",
        Stuck when row.Status == "unreachable" => "node offline",
        Stuck => "stuck",
        _ => null,
    };
}
