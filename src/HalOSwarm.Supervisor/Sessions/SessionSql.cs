namespace HalOSwarm.Supervisor.Sessions;

/// <summary>The projection's statements. <c>WHERE true</c> keeps SQLite from reading ON CONFLICT as a join clause.</summary>
internal static class SessionSql
{
    public const string Terminal = "('completed', 'killed')";

    public const string Created = $"""
        INSERT INTO sessions (session_id, node_id, project, runtime, status, title, model, parent_session_id, started_at, last_activity_at,
                              current_task, task_done, task_total, adopted, worktree, branch)
        SELECT @sid, @node, @project, @runtime, 'starting', @title, @model, @parent, @ts, @ts, np.current_task, np.task_done, np.task_total,
               @adopted, @worktree, @branch
        FROM (SELECT 1 AS one) AS single_row LEFT JOIN node_projects np ON np.node_id = @node AND np.project = @project
        WHERE true
        ON CONFLICT (session_id) DO UPDATE SET
            node_id = excluded.node_id,
            project = coalesce(excluded.project, sessions.project),
            runtime = coalesce(excluded.runtime, sessions.runtime),
            title = coalesce(excluded.title, sessions.title),
            model = coalesce(excluded.model, sessions.model),
            parent_session_id = coalesce(excluded.parent_session_id, sessions.parent_session_id),
            started_at = CASE WHEN excluded.started_at < sessions.started_at THEN excluded.started_at ELSE sessions.started_at END,
            current_task = coalesce(sessions.current_task, excluded.current_task),
            task_done = coalesce(sessions.task_done, excluded.task_done),
            task_total = coalesce(sessions.task_total, excluded.task_total),
            adopted = CASE WHEN excluded.adopted > sessions.adopted THEN excluded.adopted ELSE sessions.adopted END,
            worktree = coalesce(excluded.worktree, sessions.worktree),
            branch = coalesce(excluded.branch, sessions.branch)
        """;

    public const string Placeholder = """
        INSERT INTO sessions (session_id, node_id, status, started_at, last_activity_at) VALUES (@sid, @node, 'starting', @ts, @ts)
        ON CONFLICT (session_id) DO NOTHING
        """;

    /// <summary>A status change also sets the activity state it implies (a runtime's session.activity refines it later).</summary>
    public const string Status = $"""
        UPDATE sessions SET
            activity_state = CASE WHEN status IN {Terminal} THEN activity_state ELSE @activity END,
            rate_limit_reset_at = CASE WHEN @status = 'running' THEN NULL ELSE coalesce(@reset, rate_limit_reset_at) END,
            status = CASE WHEN status IN {Terminal} THEN status ELSE @status END,
            ended_at = CASE WHEN status IN {Terminal} OR @ended = 0 THEN ended_at ELSE @ts END,
            last_error = CASE WHEN CAST(@error AS TEXT) IS NULL OR status IN {Terminal} THEN last_error ELSE @error END
        WHERE session_id = @sid
        """;

    public const string Activity = $"""
        UPDATE sessions SET activity_state = @state, activity_detail = @detail, progress = coalesce(@progress, progress)
        WHERE session_id = @sid AND status NOT IN {Terminal}
        """;

    public const string Compacted = "UPDATE sessions SET compaction_count = compaction_count + 1 WHERE session_id = @sid";

    public const string Updated = "UPDATE sessions SET title = coalesce(@title, title), model = coalesce(@model, model) WHERE session_id = @sid";

    public const string Usage = """
        UPDATE sessions SET
            input_tokens = input_tokens + @i, output_tokens = output_tokens + @o, reasoning_tokens = reasoning_tokens + @r,
            cache_read_tokens = cache_read_tokens + @cr, cache_write_tokens = cache_write_tokens + @cw,
            cost_usd = cost_usd + @cost, context_tokens = @ctx, model = coalesce(@model, model)
        WHERE session_id = @sid
        """;

    public const string TaskUpsert = """
        INSERT INTO node_projects (node_id, project, current_task, task_done, task_total, task_updated_at)
        VALUES (@node, @project, @task, @done, @total, @ts)
        ON CONFLICT (node_id, project) DO UPDATE SET
            current_task = excluded.current_task, task_done = excluded.task_done,
            task_total = excluded.task_total, task_updated_at = excluded.task_updated_at
        """;

    public const string TaskSessions = $"""
        UPDATE sessions SET current_task = @task, task_done = @done, task_total = @total
        WHERE node_id = @node AND project = @project AND status NOT IN {Terminal}
        """;

    public const string Touch = """
        UPDATE sessions SET last_activity_at = @ts WHERE session_id = @sid AND (last_activity_at IS NULL OR last_activity_at < @ts)
        """;
}
