using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>
/// Maps opencode's native events to the normalized vocabulary. Only events of the configured project
/// directories count. Keeps the little state the mapping needs: message parts, session statuses (so a
/// status event is recorded only when it changes) and user messages waiting to be called finished
/// (opencode never marks a user message completed; it is finished once the assistant starts answering).
/// </summary>
internal sealed class OpenCodeEventMapper
{
    private readonly Dictionary<string, string> _projects;
    private readonly Dictionary<string, MessageState> _messages = [];
    private readonly Dictionary<string, string> _status = [];
    private readonly Dictionary<string, (string? Title, string? Model)> _meta = [];
    private readonly Dictionary<string, WorktreeInfo> _worktrees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _toolByCall = [];
    private readonly HashSet<string> _finished = [];
    private readonly List<UnseenMessage> _unseen = [];
    /// <summary>Messages handed out to be read back (id → session): their late parts and deltas still count, until the session settles.</summary>
    private readonly Dictionary<string, string> _readBack = [];
    private readonly Lock _lock = new();

    /// <summary>An assistant message the stream called completed before any of its parts arrived, and where to read it.</summary>
    public sealed record UnseenMessage(string SessionId, string MessageId, string? Directory, JsonElement Info);

    public OpenCodeEventMapper(IEnumerable<ProjectOptions> projects) =>
        _projects = projects.ToDictionary(p => Normalize(p.Directory), p => p.Name, StringComparer.Ordinal);

    public string? ProjectFor(string? directory)
    {
        if (directory is null)
        {
            return null;
        }
        lock (_lock)
        {
            return _projects.TryGetValue(Normalize(directory), out var name) ? name : null;
        }
    }

    /// <summary>
    /// Sessions in <paramref name="directory"/> (a session's own worktree) belong to <paramref name="project"/>. With
    /// <paramref name="worktree"/>, a session.created seen there names it: the stream's event and the one the runtime
    /// records after creating the session share a once-key, and whichever comes first is the one kept.
    /// </summary>
    public void Alias(string directory, string project, WorktreeInfo? worktree = null)
    {
        lock (_lock)
        {
            _projects[Normalize(directory)] = project;
            if (worktree is not null)
            {
                _worktrees[Normalize(directory)] = worktree;
            }
        }
    }

    /// <summary>Maps one <c>/global/event</c> item: <c>{directory, project, payload:{type, properties}}</c>.</summary>
    public IReadOnlyList<PendingEvent> MapGlobal(JsonElement globalEvent) =>
        globalEvent.Get("payload") is { } payload ? Map(globalEvent.Str("directory"), payload) : [];

    /// <summary>Maps one native event seen in <paramref name="directory"/>.</summary>
    public IReadOnlyList<PendingEvent> Map(string? directory, JsonElement nativeEvent)
    {
        var type = nativeEvent.Str("type");
        if (type is null || type.StartsWith("server.", StringComparison.Ordinal) || ProjectFor(directory) is not { } project)
        {
            return [];
        }
        var properties = nativeEvent.Get("properties") ?? default;
        var output = new List<PendingEvent>();
        lock (_lock)
        {
            MapCore(type, project, properties, nativeEvent, output, directory);
        }
        return output;
    }

    private int _creating;

    /// <summary>The agent is creating a session (until the returned scope ends): a session.created meanwhile is its own, not adopted.</summary>
    public IDisposable Creating()
    {
        lock (_lock)
        {
            _creating++;
        }
        return new CreationScope(this);
    }

    private sealed class CreationScope(OpenCodeEventMapper mapper) : IDisposable
    {
        public void Dispose()
        {
            lock (mapper._lock)
            {
                mapper._creating--;
            }
        }
    }

    /// <summary>Tells the mapper a session's last recorded status (after a restart).</summary>
    public void SetStatus(string sessionId, string status)
    {
        lock (_lock)
        {
            _status[sessionId] = status;
        }
    }

    /// <summary>Primes a message still in progress (from reconciliation) so the live stream can finish it.</summary>
    public void Seed(string sessionId, JsonElement info, IReadOnlyList<JsonElement> parts)
    {
        lock (_lock)
        {
            var message = GetMessage(sessionId, info.Str("id") ?? "");
            message.Info = info;
            foreach (var part in parts)
            {
                message.SetPart(part.Str("id") ?? "", part);
            }
        }
    }

    private void MapCore(string type, string project, JsonElement p, JsonElement raw, List<PendingEvent> output, string? directory)
    {
        var sessionId = p.Str("sessionID") ?? p.Get("info").Get("id").Str();
        switch (type)
        {
            case "session.created" when p.Get("info") is { } info:
                // Created by someone else on the server (its own UI, another client) unless this agent is creating one.
                var worktree = info.Str("directory") is { } sessionDirectory && _worktrees.TryGetValue(Normalize(sessionDirectory), out var made) ? made : null;
                output.Add(OpenCodeEventFactory.SessionCreated(project, info, raw, worktree, adopted: _creating == 0));
                _meta[info.Str("id") ?? ""] = (info.Str("title"), OpenCodeEventFactory.SessionModel(info));
                _status.TryAdd(info.Str("id") ?? "", SessionStatuses.Idle);
                break;
            case "session.updated" when p.Get("info") is { } info && sessionId is not null:
                var meta = (info.Str("title"), OpenCodeEventFactory.SessionModel(info));
                if (!_meta.TryGetValue(sessionId, out var known) || known != meta)
                {
                    _meta[sessionId] = meta;
                    output.Add(EventData.Create(EventTypes.SessionUpdated, sessionId, new SessionUpdatedData(meta.Item1, meta.Item2, raw),
                        ProtocolJsonContext.Default.SessionUpdatedData));
                }
                break;
            case "session.deleted" when sessionId is not null:
                FlushUsers(sessionId, output);
                SettleReadBacks(sessionId);
                output.Add(OpenCodeEventFactory.SessionDeleted(sessionId, raw));
                _status.Remove(sessionId);
                _meta.Remove(sessionId);
                break;
            case "session.status" when sessionId is not null && p.Get("status") is { } status:
                MapStatus(sessionId, status, raw, output);
                break;
            case "session.idle" when sessionId is not null:
                FlushUsers(sessionId, output);
                SettleReadBacks(sessionId);
                ChangeStatus(sessionId, SessionStatuses.Idle, EventTypes.SessionIdle, raw, output);
                break;
            case "session.error":
                if (sessionId is not null)
                {
                    FlushUsers(sessionId, output);
                    SettleReadBacks(sessionId);
                    _status[sessionId] = SessionStatuses.Error;
                }
                output.Add(OpenCodeEventFactory.Error(sessionId, p.Get("error"), raw));
                break;
            case "session.compacted" when sessionId is not null:
                output.Add(OpenCodeEventFactory.Status(EventTypes.SessionCompacted, sessionId, raw));
                break;
            case "message.updated" when p.Get("info") is { } info && sessionId is not null:
                MapMessage(sessionId, info, output, directory);
                break;
            case "message.part.updated" when p.Get("part") is { } part && sessionId is not null:
                MapPart(sessionId, part, output);
                break;
            case "message.part.delta" when sessionId is not null:
                MapDelta(sessionId, p, output);
                break;
            case "permission.asked":
                var callId = p.Get("tool").Get("callID").Str();
                output.Add(EventData.Create(EventTypes.PermissionAsked, sessionId,
                    new PermissionAskedData(p.Str("id") ?? "", p.Str("permission") ?? "",
                        callId is not null && _toolByCall.TryGetValue(callId, out var tool) ? tool : p.Str("permission"),
                        p.Get("patterns").Strings(), p.Get("metadata").Get("description").Str(), raw),
                    ProtocolJsonContext.Default.PermissionAskedData));
                break;
            case "permission.replied":
                output.Add(EventData.Create(EventTypes.PermissionReplied, sessionId,
                    new PermissionRepliedData(p.Str("requestID") ?? p.Str("permissionID") ?? "", p.Str("reply") ?? p.Str("response") ?? "", raw),
                    ProtocolJsonContext.Default.PermissionRepliedData));
                break;
        }
    }

    private void MapStatus(string sessionId, JsonElement status, JsonElement raw, List<PendingEvent> output)
    {
        switch (status.Str("type"))
        {
            case "busy":
                FlushUsers(sessionId, output);
                ChangeStatus(sessionId, SessionStatuses.Running, EventTypes.SessionRunning, raw, output);
                break;
            case "idle":
                FlushUsers(sessionId, output);
                SettleReadBacks(sessionId);
                ChangeStatus(sessionId, SessionStatuses.Idle, EventTypes.SessionIdle, raw, output);
                break;
            case "retry":
                _status[sessionId] = SessionStatuses.Running;
                output.Add(OpenCodeEventFactory.Retry(sessionId, status, raw));
                break;
        }
    }

    private void ChangeStatus(string sessionId, string status, string eventType, JsonElement raw, List<PendingEvent> output)
    {
        if (_status.TryGetValue(sessionId, out var current) && current == status)
        {
            return;
        }
        _status[sessionId] = status;
        output.Add(OpenCodeEventFactory.Status(eventType, sessionId, raw));
    }

    private void MapMessage(string sessionId, JsonElement info, List<PendingEvent> output, string? directory)
    {
        var id = info.Str("id") ?? "";
        if (_finished.Contains(id))
        {
            return;
        }
        if (_readBack.ContainsKey(id))
        {
            if (info.Get("time").Get("completed") is not null)
            {
                // Read back already; a later completion of it adds nothing.
                SettleReadBack(id);
            }
            return;
        }
        var message = GetMessage(sessionId, id);
        message.Info = info;
        if (info.Str("role") != "assistant")
        {
            return;
        }
        FlushUsers(sessionId, output);
        if (info.Get("time").Get("completed") is not null)
        {
            if (message.Parts.Count == 0 && info.Get("error") is null)
            {
                // Completed before any of its parts reached the stream (opencode can publish them in that order under
                // load): a message that did not fail has at least its step-start part, so the stored message is read
                // back instead of recording an empty one (TakeUnseen; the runtime records it before the stream's next
                // item). One that failed before any output (a provider error) has no parts, and is finished as is.
                _messages.Remove(id);
                _readBack[id] = sessionId;
                _unseen.Add(new UnseenMessage(sessionId, id, directory, info.Clone()));
                return;
            }
            Finish(id, message, output);
        }
    }

    /// <summary>The assistant messages completed without any part seen since the last call (to read back from opencode).</summary>
    public IReadOnlyList<UnseenMessage> TakeUnseen()
    {
        lock (_lock)
        {
            if (_unseen.Count == 0)
            {
                return [];
            }
            var taken = _unseen.ToList();
            _unseen.Clear();
            return taken;
        }
    }

    private void MapPart(string sessionId, JsonElement part, List<PendingEvent> output)
    {
        var messageId = part.Str("messageID") ?? "";
        if (_finished.Contains(messageId))
        {
            return;
        }
        var message = GetMessage(sessionId, messageId);
        message.SetPart(part.Str("id") ?? "", part);
        if (part.Str("type") != "tool")
        {
            return;
        }
        if (part.Str("callID") is { } callId && part.Str("tool") is { } tool)
        {
            _toolByCall[callId] = tool;
        }
        switch (part.Get("state").Get("status").Str())
        {
            case "pending" or "running":
                output.Add(OpenCodeEventFactory.ToolStarted(sessionId, part));
                break;
            case "completed" or "error":
                output.Add(OpenCodeEventFactory.ToolFinished(sessionId, part));
                break;
        }
    }

    private void MapDelta(string sessionId, JsonElement p, List<PendingEvent> output)
    {
        if (p.Str("field") is { } field && field != "text" || p.Str("delta") is not { Length: > 0 } delta)
        {
            return;
        }
        var messageId = p.Str("messageID") ?? "";
        var partId = p.Str("partID") ?? "";
        if (_finished.Contains(messageId))
        {
            return;
        }
        var message = GetMessage(sessionId, messageId);
        if (message.PartType(partId) is { } partType && partType != "text")
        {
            return;
        }
        message.AppendDelta(partId, delta);
        output.Add(EventData.Create(EventTypes.MessageDelta, sessionId, new MessageDeltaData(messageId, partId, delta),
            ProtocolJsonContext.Default.MessageDeltaData));
    }

    private void SettleReadBack(string id)
    {
        _readBack.Remove(id);
        _messages.Remove(id);
        _finished.Add(id);
    }

    /// <summary>The session is idle, failed or gone: parts of its read-back messages that have not come by now are not awaited.</summary>
    private void SettleReadBacks(string sessionId)
    {
        foreach (var id in _readBack.Where(r => r.Value == sessionId).Select(r => r.Key).ToList())
        {
            SettleReadBack(id);
        }
    }

    /// <summary>User messages of the session are finished once anything else happens in the session.</summary>
    private void FlushUsers(string sessionId, List<PendingEvent> output)
    {
        foreach (var (id, message) in _messages.Where(m => m.Value.SessionId == sessionId && m.Value.Role == "user").ToList())
        {
            Finish(id, message, output);
        }
    }

    private void Finish(string id, MessageState message, List<PendingEvent> output)
    {
        _messages.Remove(id);
        _finished.Add(id);
        // Tool results were recorded live as their parts completed.
        output.AddRange(OpenCodeEventFactory.MessageFinished(message.SessionId, message.Info!.Value, message.Parts, message.Text(), includeTools: false));
    }

    private MessageState GetMessage(string sessionId, string messageId)
    {
        if (!_messages.TryGetValue(messageId, out var message))
        {
            _messages[messageId] = message = new MessageState(sessionId);
        }
        return message;
    }

    private static string Normalize(string directory) => Path.TrimEndingDirectorySeparator(directory);
}
