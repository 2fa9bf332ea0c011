using System.Globalization;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary><c>/status</c>, <c>/nodes</c>, <c>/logs</c> and the session autocomplete: reads of the sessions, nodes and events.</summary>
internal sealed class ChatReadCommands(SessionQueries sessions, NodeQueries nodes, EventQueries events, TimeProvider timeProvider)
{
    /// <summary>Sessions read for a status or a suggestion; the newest first.</summary>
    private const int ScanLimit = 500;

    public async Task<ChatReply> StatusAsync(string? project, CancellationToken cancellationToken)
    {
        var nodeList = await nodes.ListAsync(cancellationToken);
        if (project is not null && !ProtocolLimits.IsProjectName(project))
        {
            return ChatCommands.Refuse($"'{ChatText.Shown(project)}' is not a project name. Usage: /status [project]");
        }
        var (list, hasMore) = await sessions.ListAsync(new SessionFilter(project, null, null, ScanLimit, null, null), cancellationToken);
        if (project is not null && list.Count == 0 && !nodeList.Any(n => n.Projects.Any(p => p.Name == project)))
        {
            var known = nodeList.SelectMany(n => n.Projects).Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return ChatCommands.Refuse($"No project '{ChatText.Shown(project)}' on any node."
                + (known.Count == 0 ? "" : " Projects: " + ChatText.Clip(string.Join(", ", known), 600) + "."));
        }
        var now = timeProvider.GetUtcNow();
        var ordered = list.OrderBy(s => Ended(s) ? 1 : 0).ThenByDescending(s => s.LastActivityAt ?? s.StartedAt).ToList();
        var rows = ordered.Take(ChatLimits.MaxRows).Select(s => new[]
        {
            s.SessionId, s.Project ?? "-", s.ActivityState is { Length: > 0 } a && !Ended(s) ? $"{s.Status}/{a}" : s.Status, s.NodeId,
            ChatText.Usd(s.CostUsd), ChatText.Ago(s.LastActivityAt ?? s.StartedAt, now),
        }).ToList();
        var active = list.Where(s => !Ended(s)).GroupBy(s => s.Status).OrderByDescending(g => g.Count())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")).ToList();
        var online = nodeList.Count(n => n.Status == "online");
        var text = (active.Count == 0 ? "No active sessions" : "Active sessions: " + string.Join(", ", active))
            + string.Create(CultureInfo.InvariantCulture, $". Nodes online: {online} of {nodeList.Count}.")
            + (hasMore ? string.Create(CultureInfo.InvariantCulture, $" (Only the newest {ScanLimit} sessions were read.)") : "");
        return new ChatReply(text, Title: project is null ? "Status" : $"Status of {project}",
            Preformatted: rows.Count == 0 ? null : ChatText.Table(["session", "project", "status", "node", "cost", "last"], rows, ordered.Count - rows.Count));
    }

    public async Task<ChatReply> NodesAsync(CancellationToken cancellationToken)
    {
        var list = await nodes.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return new ChatReply("No node has connected yet.", Title: "Nodes");
        }
        var now = timeProvider.GetUtcNow();
        var active = await nodes.ActiveSessionCountsAsync(cancellationToken);
        var rows = list.Take(ChatLimits.MaxRows).Select(n => new[]
        {
            n.NodeId, n.Status, n.Hostname, active.GetValueOrDefault(n.NodeId).ToString(CultureInfo.InvariantCulture),
            n.Resources is { } r ? r.CpuPercent.ToString("0", CultureInfo.InvariantCulture) + "%" : "-",
            ChatText.Ago(n.LastHeartbeatAt ?? n.ConnectedAt, now),
        }).ToList();
        var online = list.Count(n => n.Status == "online");
        return new ChatReply(string.Create(CultureInfo.InvariantCulture, $"{online} of {list.Count} nodes online."), Title: "Nodes",
            Preformatted: ChatText.Table(["node", "status", "host", "active", "cpu", "seen"], rows, list.Count - rows.Count));
    }

    public async Task<ChatReply> LogsAsync(string sessionId, int? lines, CancellationToken cancellationToken)
    {
        var n = lines ?? ChatLimits.DefaultLogLines;
        if (n is < 1 or > ChatLimits.MaxLogLines)
        {
            return ChatCommands.Refuse(string.Create(CultureInfo.InvariantCulture,
                $"n must be 1-{ChatLimits.MaxLogLines} (was {n}). Usage: /logs <session> [n]"));
        }
        if (await sessions.GetAsync(sessionId, cancellationToken) is not { } session)
        {
            return UnknownSession(sessionId);
        }
        var filter = new EventFilter(sessionId, null, ChatEventLines.Types, ChatEventLines.Prefixes, null, null);
        var (page, hasMore) = await events.ListAsync(filter, descending: true, afterId: null, n, cancellationToken);
        var title = $"{session.SessionId} · {session.Project ?? "-"} · {session.Status}";
        if (page.Count == 0)
        {
            return new ChatReply("No transcript lines yet.", Title: title);
        }
        var described = page.Reverse().Select(ChatEventLines.Describe).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"The last {described.Count} lines") + (hasMore ? " (older ones: a larger n, or halctl sessions logs)." : ".");
        return new ChatReply(text, Title: title, Preformatted: ChatText.Tail(described));
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var (list, _) = await sessions.ListAsync(new SessionFilter(null, null, null, ScanLimit, null, null), cancellationToken);
        return list.Where(s => s.SessionId.StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => Ended(s) ? 1 : 0).ThenByDescending(s => s.LastActivityAt ?? s.StartedAt)
            .Take(limit).Select(s => s.SessionId).ToList();
    }

    public static ChatReply UnknownSession(string sessionId) =>
        ChatCommands.Refuse($"No session '{ChatText.Shown(sessionId)}'. /status lists the sessions.");

    private static bool Ended(SessionDto session) => session.Status is SessionStatuses.Completed or SessionStatuses.Killed;
}
