using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>
/// Catches up with what opencode did while nobody listened (agent restart, event stream reconnect):
/// records sessions not seen yet, deleted sessions, status changes, and every finished message (with its
/// tool results and usage) not recorded yet; messages still in progress are handed to the mapper.
/// </summary>
internal sealed class OpenCodeReconciler
{
    private static readonly JsonElement s_missing = JsonDocument.Parse("""{"reason":"session no longer exists in opencode"}""").RootElement.Clone();

    private readonly AgentOptions _options;
    private readonly OpenCodeClient _client;
    private readonly OpenCodeEventMapper _mapper;
    private readonly SessionStore _sessions;
    private readonly Outbox _outbox;
    private readonly IEventRecorder _recorder;

    public OpenCodeReconciler(IOptions<AgentOptions> options, OpenCodeClient client, OpenCodeEventMapper mapper,
        SessionStore sessions, Outbox outbox, IEventRecorder recorder)
    {
        _options = options.Value;
        _client = client;
        _mapper = mapper;
        _sessions = sessions;
        _outbox = outbox;
        _recorder = recorder;
    }

    /// <summary>Returns how many events were recorded.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var tracked = (await _sessions.ListAsync(cancellationToken))
            .Where(s => s.Runtime == RuntimeNames.OpenCode)
            .ToDictionary(s => s.SessionId);
        var recorded = 0;
        foreach (var project in _options.Projects)
        {
            // The project's checkout, and the worktrees of its opencode sessions (a session started elsewhere by --runtime counts too).
            var directories = tracked.Values.Where(s => s.Project == project.Name && s.Directory is not null).Select(s => s.Directory!)
                .Prepend(project.Directory).Distinct(StringComparer.Ordinal).ToList();
            if (project.Runtime != RuntimeNames.OpenCode && !tracked.Values.Any(s => s.Project == project.Name))
            {
                continue;
            }
            var seen = new HashSet<string>();
            foreach (var directory in directories)
            {
                var statuses = await _client.StatusesAsync(directory, cancellationToken);
                var list = await _client.ListSessionsAsync(directory, cancellationToken);
                foreach (var info in list.Items())
                {
                    if (info.Str("id") is not { } id || !seen.Add(id) || _mapper.ProjectFor(info.Str("directory")) != project.Name)
                    {
                        continue;
                    }
                    tracked.TryGetValue(id, out var known);
                    var events = await SessionEventsAsync(project, directory, id, info, known, statuses.Get(id), cancellationToken);
                    recorded += (await _recorder.RecordAsync(events, cancellationToken)).Count;
                }
            }
            var gone = tracked.Values.Where(s => s.Project == project.Name && !seen.Contains(s.SessionId))
                .Select(s => OpenCodeEventFactory.SessionDeleted(s.SessionId, s_missing)).ToList();
            recorded += (await _recorder.RecordAsync(gone, cancellationToken)).Count;
        }
        return recorded;
    }

    private async Task<List<PendingEvent>> SessionEventsAsync(ProjectOptions project, string directory, string id, JsonElement info, SessionRecord? known,
        JsonElement? status, CancellationToken cancellationToken)
    {
        var events = new List<PendingEvent>();
        if (known is null)
        {
            // Not tracked and not being created by this agent: it was made in opencode by someone else.
            events.Add(OpenCodeEventFactory.SessionCreated(project.Name, info, info, adopted: true));
        }
        var messages = await _client.MessagesAsync(id, directory, cancellationToken);
        foreach (var message in messages.Items())
        {
            if (message.Get("info") is not { } messageInfo || messageInfo.Str("id") is not { } messageId)
            {
                continue;
            }
            var parts = OpenCodeEventFactory.Parts(message);
            if (!OpenCodeEventFactory.IsFinished(messageInfo))
            {
                // Still being written: let the live stream finish it, with the parts it already has.
                _mapper.Seed(id, messageInfo, parts);
                events.AddRange(parts.Where(OpenCodeEventFactory.IsToolFinished).Select(part => OpenCodeEventFactory.ToolFinished(id, part)));
                continue;
            }
            if (!await _outbox.WasRecordedAsync(OpenCodeEventFactory.MessageKey(messageId), cancellationToken))
            {
                events.AddRange(OpenCodeEventFactory.MessageFinished(id, messageInfo, parts, OpenCodeEventFactory.Text(parts)));
            }
        }
        var (newStatus, eventType) = status.Get("type").Str() switch
        {
            "busy" or "retry" => (SessionStatuses.Running, EventTypes.SessionRunning),
            _ => (SessionStatuses.Idle, EventTypes.SessionIdle),
        };
        if ((known?.Status ?? SessionStatuses.Idle) != newStatus)
        {
            events.Add(OpenCodeEventFactory.Status(eventType, id, status ?? info, "reconciled"));
        }
        _mapper.SetStatus(id, newStatus);
        return events;
    }
}
