using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// The limits a hello must keep (docs/PROTOCOL.md, Limits). A hello that breaks one is refused with
/// <see cref="CloseCodes.HelloRefused"/>: the agent would send the same hello again, so it must not retry.
/// </summary>
internal static class HelloCheck
{
    public static string? Problem(Hello hello, int maxSessions)
    {
        if (ProtocolLimits.NodeIdProblem(hello.NodeId) is { } nodeId)
        {
            return nodeId;
        }
        if (!ProtocolLimits.IsLabel(hello.Hostname, 255) || !ProtocolLimits.IsLabel(hello.AgentVersion, 64))
        {
            return "hostname (255) and agent_version (64) must be short and free of control characters";
        }
        if (hello.ProtocolVersions is { Count: > 16 })
        {
            return "protocol_versions lists more than 16 versions";
        }
        if (hello.OutboxFirstSeq < 1 || hello.OutboxLastSeq < 0 || hello.OutboxLastSeq > ProtocolLimits.MaxSeq
            || hello.OutboxFirstSeq > hello.OutboxLastSeq + 1)
        {
            return $"impossible outbox range {hello.OutboxFirstSeq}..{hello.OutboxLastSeq} (needs 1 <= first <= last + 1, last <= 2^53-1): the agent's outbox state is broken";
        }
        if (hello.Projects is { Count: > ProtocolLimits.MaxHelloProjects })
        {
            return $"more than {ProtocolLimits.MaxHelloProjects} projects";
        }
        foreach (var project in hello.Projects ?? [])
        {
            if (project is null || !ProtocolLimits.IsProjectName(project.Name) || !ProtocolLimits.IsLabel(project.Directory, 4096))
            {
                return $"project names must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'";
            }
            if (!ProtocolLimits.IsLabel(project.Runtime, 64) || !ProtocolLimits.IsLabel(project.RuntimeStatus, 32)
                || !ProtocolLimits.IsLabel(project.Reason, ProtocolLimits.MaxReasonLength))
            {
                return $"project {project.Name}: runtime, runtime_status and reason must be bounded text without control characters";
            }
        }
        if (hello.Runtimes is { Count: > ProtocolLimits.MaxHelloRuntimes } || (hello.Runtimes ?? []).Any(r => r is null || r.Length == 0 || !ProtocolLimits.IsLabel(r, 64)))
        {
            return $"runtimes must list at most {ProtocolLimits.MaxHelloRuntimes} names of 1-64 characters";
        }
        if (hello.RuntimeDetails is { Count: > ProtocolLimits.MaxHelloRuntimes }
            || (hello.RuntimeDetails ?? []).Any(r => r is null || !ProtocolLimits.IsLabel(r.Name, 64) || r.Name.Length == 0
                || !ProtocolLimits.IsLabel(r.Version, 64) || !ProtocolLimits.IsLabel(r.Reason, ProtocolLimits.MaxReasonLength)))
        {
            return $"runtime_details must list at most {ProtocolLimits.MaxHelloRuntimes} runtimes, each with a name and version of 1-64 characters and a reason of at most {ProtocolLimits.MaxReasonLength}";
        }
        if (hello.Sessions is { } sessions && sessions.Count > maxSessions)
        {
            return $"the hello lists {sessions.Count} sessions; this supervisor takes at most {maxSessions} (server.max_hello_sessions)";
        }
        foreach (var session in hello.Sessions ?? [])
        {
            if (session is null || !ProtocolLimits.IsSessionId(session.SessionId))
            {
                return $"a session id must be 1-{ProtocolLimits.MaxSessionIdLength} characters of A-Z a-z 0-9 . _ : @ + = -";
            }
            if (!ProtocolLimits.IsLabel(session.Project, ProtocolLimits.MaxProjectNameLength) || !ProtocolLimits.IsLabel(session.Runtime, 64)
                || !ProtocolLimits.IsLabel(session.Status, 32) || !ProtocolLimits.IsLabel(session.Model, 256)
                || !ProtocolLimits.IsLabel(session.Title))
            {
                return $"session {session.SessionId}: project, runtime, status, model and title must be bounded text without control characters";
            }
        }
        return null;
    }
}
