using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Nodes;

internal static class NodeSql
{
    public const string Upsert = """
        INSERT INTO nodes (node_id, hostname, status, agent_version, projects_json, runtimes_json, resources_json,
                           first_seen_at, connected_at, last_heartbeat_at, durable_seq, runtime_details_json, supervisor_id)
        VALUES (@node, @host, 'online', @version, @projects, @runtimes, @resources, @at, @at, @at, @durable, @details, @supervisor)
        ON CONFLICT (node_id) DO UPDATE SET
            hostname = excluded.hostname, status = 'online', agent_version = excluded.agent_version,
            projects_json = excluded.projects_json, runtimes_json = excluded.runtimes_json,
            runtime_details_json = excluded.runtime_details_json,
            resources_json = coalesce(excluded.resources_json, nodes.resources_json),
            connected_at = excluded.connected_at, last_heartbeat_at = excluded.last_heartbeat_at, supervisor_id = excluded.supervisor_id,
            durable_seq = CASE WHEN excluded.durable_seq > nodes.durable_seq THEN excluded.durable_seq ELSE nodes.durable_seq END
        """;

    public const string Reject = """
        UPDATE nodes SET rejected_events = rejected_events + 1, last_rejection = @reason, last_rejection_at = @at WHERE node_id = @node
        """;

    public const string UpsertProject = """
        INSERT INTO node_projects (node_id, project, directory) VALUES (@node, @project, @dir)
        ON CONFLICT (node_id, project) DO UPDATE SET directory = excluded.directory
        """;

    public const string SnapshotSession = $"""
        INSERT INTO sessions (session_id, node_id, project, runtime, status, model, title, started_at, last_activity_at,
                              current_task, task_done, task_total)
        SELECT @sid, @node, @project, @runtime, @status, @model, @title, @started, @last, np.current_task, np.task_done, np.task_total
        FROM (SELECT 1 AS one) AS single_row LEFT JOIN node_projects np ON np.node_id = @node AND np.project = @project
        WHERE true
        ON CONFLICT (session_id) DO UPDATE SET
            node_id = excluded.node_id,
            project = coalesce(excluded.project, sessions.project),
            runtime = coalesce(excluded.runtime, sessions.runtime),
            status = CASE WHEN sessions.status IN {SessionSql.Terminal} THEN sessions.status ELSE excluded.status END,
            model = coalesce(excluded.model, sessions.model),
            title = coalesce(excluded.title, sessions.title),
            current_task = coalesce(sessions.current_task, excluded.current_task),
            task_done = coalesce(sessions.task_done, excluded.task_done),
            task_total = coalesce(sessions.task_total, excluded.task_total),
            last_activity_at = CASE
                WHEN excluded.last_activity_at IS NOT NULL AND (sessions.last_activity_at IS NULL OR excluded.last_activity_at > sessions.last_activity_at)
                THEN excluded.last_activity_at ELSE sessions.last_activity_at END
        """;

    /// <summary>@ids is a JSON array of the session ids the node still has.</summary>
    public static string MissingSessions(string provider) => $"""
        UPDATE sessions SET status = 'completed', ended_at = @at, last_error = @reason
        WHERE node_id = @node AND status NOT IN {SessionSql.Terminal}
          AND session_id NOT IN ({(provider == StorageProviders.Postgres ? "SELECT jsonb_array_elements_text(CAST(@ids AS jsonb))" : "SELECT value FROM json_each(@ids)")})
        """;

    public const string Unreachable = $"""
        UPDATE sessions SET status = 'unreachable' WHERE node_id = @node AND status NOT IN {SessionSql.Terminal}
        """;

    public const string Heartbeat = """
        UPDATE nodes SET last_heartbeat_at = @at, resources_json = coalesce(@resources, resources_json) WHERE node_id = @node
        """;
}
