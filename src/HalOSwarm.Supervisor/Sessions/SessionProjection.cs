using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Sessions;

/// <summary>
/// Keeps the sessions table in step with the events, inside the writer's transaction, with prepared statements
/// and no per-event reads. Terminal sessions (completed, killed) keep their status whatever comes later.
/// Usage sums are collected per batch and written once per session. Last-activity times are collected per batch too, and
/// written at most once per <see cref="TouchInterval"/> of event time per session, except that an event that changes the
/// session's status is written at once: the stored time is never more than that interval behind the session's latest event,
/// and is exact at every status change (the idle clocks of policies and alerts start there). It also answers which node a session
/// belongs to (<see cref="OwnerOf"/>), from memory for the sessions it has seen, so the writer can refuse a node's
/// events for another node's session.
/// </summary>
internal sealed class SessionProjection : IWriteBatchParticipant
{
    private const int KnownSessionsLimit = 200_000;
    /// <summary>How far (in event time) a session's stored last activity may trail its latest event.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(1);
    /// <summary>Titles, errors and tasks an agent reports are kept to this many characters, so session rows stay small.</summary>
    private const int MaxTextChars = 1024;
    private readonly DbCommand _created;
    private readonly DbCommand _placeholder;
    private readonly DbCommand _status;
    private readonly DbCommand _activity;
    private readonly DbCommand _compacted;
    private readonly DbCommand _updated;
    private readonly DbCommand _usage;
    private readonly DbCommand _task;
    private readonly DbCommand _taskSessions;
    private readonly DbCommand _touch;
    private readonly DbCommand _owner;
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Ts, bool Status)> _touches = new(StringComparer.Ordinal);
    /// <summary>The last-activity time stored per session (as far as this writer knows), and this batch's overwrites of it.</summary>
    private readonly Dictionary<string, DateTimeOffset> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset?> _storedBefore = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionUsageSums> _usageSums = new(StringComparer.Ordinal);

    public SessionProjection(IWriteContext context)
    {
        _created = context.Prepare(SessionSql.Created, "@sid", "@node", "@project", "@runtime", "@title", "@model", "@parent", "@ts",
            "@adopted", "@worktree", "@branch");
        _placeholder = context.Prepare(SessionSql.Placeholder, "@sid", "@node", "@ts");
        _status = context.Prepare(SessionSql.Status, "@sid", "@status", "@ended", "@ts", "@error", "@activity", "@reset");
        _activity = context.Prepare(SessionSql.Activity, "@sid", "@state", "@detail", "@progress");
        _compacted = context.Prepare(SessionSql.Compacted, "@sid");
        _updated = context.Prepare(SessionSql.Updated, "@sid", "@title", "@model");
        _usage = context.Prepare(SessionSql.Usage, "@sid", "@i", "@o", "@r", "@cr", "@cw", "@cost", "@ctx", "@model");
        _task = context.Prepare(SessionSql.TaskUpsert, "@node", "@project", "@task", "@done", "@total", "@ts");
        _taskSessions = context.Prepare(SessionSql.TaskSessions, "@node", "@project", "@task", "@done", "@total");
        _touch = context.Prepare(SessionSql.Touch, "@sid", "@ts");
        _owner = context.Prepare("SELECT node_id FROM sessions WHERE session_id = @sid", "@sid");
    }

    /// <summary>The transaction was rolled back: forget what it created.</summary>
    public void RolledBack()
    {
        _owners.Clear();
        _touches.Clear();
        _usageSums.Clear();
        foreach (var (sessionId, before) in _storedBefore)
        {
            if (before is { } ts)
            {
                _stored[sessionId] = ts;
            }
            else
            {
                _stored.Remove(sessionId);
            }
        }
        _storedBefore.Clear();
    }

    public void Committed() => _storedBefore.Clear();

    /// <summary>Marks a session as existing on <paramref name="nodeId"/> (the hello reconciliation wrote it).</summary>
    public void Known(string sessionId, string nodeId) => Remember(sessionId, nodeId);

    /// <summary>The node the session belongs to, or null for a session the supervisor has never seen.</summary>
    public string? OwnerOf(string sessionId)
    {
        if (_owners.TryGetValue(sessionId, out var owner))
        {
            return owner;
        }
        _owner.Set(0, sessionId);
        if (_owner.ExecuteScalar() is string stored)
        {
            Remember(sessionId, stored);
            return stored;
        }
        return null;
    }

    /// <summary>Applies an event whose data is UTF-8 JSON; the data is parsed only for the types that read it.</summary>
    public void Apply(string nodeId, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        if (type is EventTypes.TaskProgress or EventTypes.SessionCreated or EventTypes.SessionError or EventTypes.SessionUpdated or EventTypes.Usage
            or EventTypes.SessionActivity)
        {
            using var document = JsonDocument.Parse(data);
            Apply(nodeId, type, sessionId, ts, document.RootElement);
        }
        else
        {
            Apply(nodeId, type, sessionId, ts, default(JsonElement));
        }
    }

    public void Apply(string nodeId, string type, string? sessionId, DateTimeOffset ts, JsonElement data)
    {
        if (type == EventTypes.TaskProgress)
        {
            ApplyTask(nodeId, data, ts);
            return;
        }
        if (sessionId is null)
        {
            return;
        }
        if (type is EventTypes.SessionCreated or EventTypes.SessionUpdated)
        {
            WriteUsage(sessionId); // the model it names comes after the usage summed so far
        }
        if (type == EventTypes.SessionCreated)
        {
            Run(_created, sessionId, nodeId, BoundedText.Cut(JsonData.String(data, "project"), 128), BoundedText.Cut(JsonData.String(data, "runtime"), 64),
                BoundedText.Cut(JsonData.String(data, "title"), MaxTextChars), BoundedText.Cut(JsonData.String(data, "model"), 256),
                BoundedText.Cut(JsonData.String(data, "parent_session_id"), 128), SqliteTime.Format(ts),
                JsonData.Bool(data, "adopted") ? 1 : 0, BoundedText.Cut(JsonData.String(data, "worktree"), MaxTextChars),
                BoundedText.Cut(JsonData.String(data, "branch"), 256));
            Remember(sessionId, nodeId);
        }
        else if (!_owners.ContainsKey(sessionId))
        {
            Run(_placeholder, sessionId, nodeId, SqliteTime.Format(ts));
            Remember(sessionId, nodeId);
        }
        var statusEvent = type is EventTypes.SessionRunning or EventTypes.SessionRetry or EventTypes.SessionIdle or EventTypes.SessionError
            or EventTypes.SessionCompleted or EventTypes.SessionDeleted or EventTypes.SessionCreated;
        _touches[sessionId] = _touches.TryGetValue(sessionId, out var seen)
            ? (seen.Ts > ts ? seen.Ts : ts, seen.Status || statusEvent)
            : (ts, statusEvent);
        switch (type)
        {
            case EventTypes.SessionRunning or EventTypes.SessionRetry:
                SetStatus(sessionId, SessionStatuses.Running, ts, ended: false, error: null, ActivityStates.Working);
                break;
            case EventTypes.SessionIdle:
                SetStatus(sessionId, SessionStatuses.Idle, ts, ended: false, error: null, ActivityStates.Idle);
                break;
            case EventTypes.SessionError:
                var name = JsonData.String(data, "error_name") ?? "Error";
                var message = JsonData.String(data, "message");
                SetStatus(sessionId, SessionStatuses.Error, ts, ended: false, error: BoundedText.Cut(message is null ? name : $"{name}: {message}", MaxTextChars),
                    ActivityStates.Error, ResetAt(data));
                break;
            case EventTypes.SessionCompleted:
                SetStatus(sessionId, SessionStatuses.Completed, ts, ended: true, error: null, ActivityStates.Complete);
                break;
            case EventTypes.SessionDeleted:
                SetStatus(sessionId, SessionStatuses.Killed, ts, ended: true, error: null, null);
                break;
            case EventTypes.SessionActivity:
                ApplyActivity(sessionId, data);
                break;
            case EventTypes.SessionCompacted:
                Run(_compacted, sessionId);
                break;
            case EventTypes.SessionUpdated:
                Run(_updated, sessionId, BoundedText.Cut(JsonData.String(data, "title"), MaxTextChars), BoundedText.Cut(JsonData.String(data, "model"), 256));
                break;
            case EventTypes.Usage:
                ApplyUsage(sessionId, data);
                break;
        }
    }

    /// <summary>
    /// Writes the batch's usage sums, once per session, and the last-activity times that are due (a status change, or a
    /// <see cref="TouchInterval"/> past the stored one), just before the commit.
    /// </summary>
    public void Flush()
    {
        foreach (var (sessionId, sums) in _usageSums)
        {
            RunUsage(sessionId, sums);
        }
        _usageSums.Clear();
        foreach (var (sessionId, (ts, status)) in _touches)
        {
            var known = _stored.TryGetValue(sessionId, out var stored);
            if (known && (ts <= stored || !status && ts - stored < TouchInterval))
            {
                continue;
            }
            Run(_touch, sessionId, SqliteTime.Format(ts));
            if (_stored.Count > KnownSessionsLimit)
            {
                _stored.Clear();
                known = false;
            }
            _storedBefore.TryAdd(sessionId, known ? stored : null);
            _stored[sessionId] = ts;
        }
        _touches.Clear();
    }

    private void Remember(string sessionId, string nodeId)
    {
        if (_owners.Count > KnownSessionsLimit)
        {
            _owners.Clear();
        }
        _owners[sessionId] = nodeId;
    }

    private void SetStatus(string sessionId, string status, DateTimeOffset ts, bool ended, string? error, string? activity, string? resetAt = null) =>
        Run(_status, sessionId, status, ended ? 1 : 0, SqliteTime.Format(ts), error, activity, resetAt);

    /// <summary>A rate limit's reset time as the runtime reported it, normalized; null when absent or unreadable.</summary>
    private static string? ResetAt(JsonElement data) =>
        JsonData.String(data, "reset_at") is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? SqliteTime.Format(at)
            : null;

    private void ApplyActivity(string sessionId, JsonElement data)
    {
        if (JsonData.String(data, "state") is not { } state || !ActivityStates.All.Contains(state))
        {
            return;
        }
        double? progress = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Number
            ? Math.Clamp(p.GetDouble(), 0, 1)
            : null;
        Run(_activity, sessionId, state, BoundedText.Cut(JsonData.String(data, "detail"), MaxTextChars), progress);
    }

    /// <summary>Adds a usage event to its session's sums for this batch (written once per session by <see cref="Flush"/>).</summary>
    private void ApplyUsage(string sessionId, JsonElement data)
    {
        var tokens = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("tokens", out var t) ? t : default;
        if (!_usageSums.TryGetValue(sessionId, out var sums))
        {
            sums = new SessionUsageSums();
            _usageSums[sessionId] = sums;
        }
        sums.Add(JsonData.Long(tokens, "input"), JsonData.Long(tokens, "output"), JsonData.Long(tokens, "reasoning"),
            JsonData.Long(tokens, "cache_read"), JsonData.Long(tokens, "cache_write"),
            JsonData.Double(data, "cost_usd"), JsonData.Long(data, "context_tokens"), BoundedText.Cut(JsonData.String(data, "model"), 256));
    }

    private void WriteUsage(string sessionId)
    {
        if (_usageSums.Remove(sessionId, out var sums))
        {
            RunUsage(sessionId, sums);
        }
    }

    private void RunUsage(string sessionId, SessionUsageSums sums) =>
        Run(_usage, sessionId, sums.Input, sums.Output, sums.Reasoning, sums.CacheRead, sums.CacheWrite, sums.CostUsd, sums.ContextTokens, sums.Model);

    private void ApplyTask(string nodeId, JsonElement data, DateTimeOffset ts)
    {
        var project = JsonData.String(data, "project");
        if (project is null || project.Length > 128)
        {
            return;
        }
        var task = BoundedText.Cut(JsonData.String(data, "current_task"), MaxTextChars);
        var done = JsonData.Long(data, "done");
        var total = JsonData.Long(data, "total");
        Run(_task, nodeId, project, task, done, total, SqliteTime.Format(ts));
        Run(_taskSessions, nodeId, project, task, done, total);
    }

    private static void Run(DbCommand command, params object?[] values) => command.Run(values);
}
