using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// Turns stored <c>permission.asked</c> events into approvals. It reads them through <see cref="EventFeed"/> — the
/// broadcaster live, the database for whatever it missed (a dropped subscriber, a restart; the cursor is kept in
/// <c>event_cursors</c> under <see cref="Consumer"/>) — rather than inside the writer, so ingest never waits for
/// approvals and approvals never write from the writer's thread. Each request then gets the first matching rule's
/// answer, or stays pending and records <c>session.needs_input</c>. <c>permission.replied</c> for a request still
/// pending (answered at the agent program itself) closes it as <c>answered_elsewhere</c>.
/// </summary>
internal sealed partial class ApprovalWatcher(
    EventFeed feed,
    EventCursorStore cursors,
    ApprovalStore store,
    ApprovalService service,
    ApprovalRuleMatcher rules,
    IEnumerable<IApprovalRuleSource> sources,
    SessionQueries sessions,
    ISupervisorEvents events,
    TimeProvider timeProvider,
    ILogger<ApprovalWatcher> logger) : BackgroundService
{
    public const string Consumer = "approvals";
    public const string RuleActor = "policy:approvals";

    private static readonly string[] s_types = [EventTypes.PermissionAsked, EventTypes.PermissionReplied];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var after = await cursors.GetAsync(Consumer, stoppingToken);
            await foreach (var stored in feed.ReadAsync(s_types, after, stoppingToken))
            {
                try
                {
                    await HandleAsync(stored, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, stored.Id, stored.Type, ex.Message);
                }
                await cursors.SaveAsync(Consumer, stored.Id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task HandleAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(stored.Data);
        var data = document.RootElement;
        var permissionId = Str(data, "permission_id");
        if (string.IsNullOrEmpty(permissionId))
        {
            return;
        }
        if (stored.Type == EventTypes.PermissionReplied)
        {
            if (await store.FindAsync(stored.NodeId, permissionId, cancellationToken) is { State: ApprovalStates.Pending } open)
            {
                await store.AnswerAsync(open.ApprovalId, ApprovalStates.AnsweredElsewhere, Str(data, "reply"), "agent:" + stored.NodeId,
                    timeProvider.GetUtcNow(), null, cancellationToken);
            }
            return;
        }
        var permission = BoundedText.Cut(Str(data, "permission"), 128, "…") ?? "unknown";
        var tool = BoundedText.Cut(Str(data, "tool"), 128, "…");
        var patterns = data.TryGetProperty("patterns", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var project = stored.SessionId is null ? null : (await sessions.GetAsync(stored.SessionId, cancellationToken))?.Project;
        var description = Str(data, "reason");
        // Stored and shown bounded (an agent's data may be up to a frame); rules below still match the full patterns.
        IReadOnlyList<string> shown = [.. patterns.Take(MaxPatterns).Select(x => BoundedText.Cut(x, MaxPatternChars, "…"))];
        var reason = BoundedText.Cut($"{tool ?? permission}: {string.Join(" ; ", shown)}" + (string.IsNullOrEmpty(description) ? "" : $" ({description})"), MaxReasonChars, "…");
        var approval = new ApprovalDto($"apr_{Guid.CreateVersion7():N}", stored.NodeId, stored.SessionId, project, BoundedText.Cut(permissionId, 128, "…"), tool, permission,
            shown, reason, timeProvider.GetUtcNow(), ApprovalStates.Pending, null, null, null, null, null);
        if (!await store.AddAsync(approval, stored.Id, cancellationToken))
        {
            return;
        }
        LogAsked(logger, approval.ApprovalId, stored.SessionId, reason);
        foreach (var source in sources)
        {
            if (await source.MatchAsync(approval, patterns, cancellationToken) is not { } verdict)
            {
                continue;
            }
            if (verdict.Reply is { } answer)
            {
                await service.AnswerAsync(approval.ApprovalId, answer, ApprovalStates.ForRule(answer), verdict.Actor, "approval.auto", verdict.Key,
                    null, TimeSpan.Zero, cancellationToken);
                return;
            }
            await NeedsInputAsync(stored, approval, reason + $" (asked by {verdict.Key})", cancellationToken);
            return;
        }
        if (rules.Match(project, tool, permission, patterns) is { } rule)
        {
            await service.AnswerAsync(approval.ApprovalId, rule.Reply, ApprovalStates.ForRule(rule.Reply), RuleActor, "approval.auto", rule.Key,
                null, TimeSpan.Zero, cancellationToken);
            return;
        }
        await NeedsInputAsync(stored, approval, reason, cancellationToken);
    }

    private Task NeedsInputAsync(StoredEvent stored, ApprovalDto approval, string reason, CancellationToken cancellationToken) =>
        events.RecordAsync(EventTypes.SessionNeedsInput, stored.NodeId, stored.SessionId,
            new NeedsInputData("permission", "permission needed: " + reason, approval.ApprovalId, approval.Project, approval.Tool,
                approval.Permission, approval.Patterns),
            ApprovalsJsonContext.Default.NeedsInputData, cancellationToken);

    private const int MaxPatterns = 50;
    private const int MaxPatternChars = 1024;
    private const int MaxReasonChars = 4096;

    private static string? Str(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, EventName = "approval.asked",
        Message = "Approval {approval_id} pending for session {session_id}: {reason}")]
    private static partial void LogAsked(ILogger logger, string approval_id, string? session_id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "approval.event_failed",
        Message = "Could not handle event {event_id} ({type}) for approvals: {reason}")]
    private static partial void LogFailed(ILogger logger, long event_id, string type, string reason);
}
