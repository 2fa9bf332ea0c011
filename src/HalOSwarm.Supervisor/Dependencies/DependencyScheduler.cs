using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>
/// Starts dependent projects. A project reaches its milestone when one of its sessions completes
/// (<c>session.completed</c>) or its agent reports it done (<c>project.done</c>); the project is then done for good
/// (persisted). Every dependent whose dependencies are all done is started once for that milestone, unless it has a
/// live session already or <c>auto_start</c> is false, and a <c>dependency.triggered</c> event says what happened.
/// </summary>
internal sealed partial class DependencyScheduler(
    IOptions<DependencyOptions> options,
    IPolicySessionSource sessions,
    DependencyStore store,
    EventCursorStore cursors,
    EventFeed feed,
    ICommandService commands,
    ISupervisorEvents events,
    TimeProvider timeProvider,
    ILogger<DependencyScheduler> logger) : BackgroundService
{
    public const string CursorName = "dependencies";
    public const string Actor = "policy:dependencies";

    private static readonly string[] s_types = [EventTypes.SessionCompleted, EventTypes.ProjectDone];

    private readonly DependencyGraph _graph = new(options.Value);
    private HashSet<string> _done = new(StringComparer.Ordinal);
    private long _lastEventId;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _done = await store.DoneAsync(cancellationToken);
        _lastEventId = await cursors.GetAsync(CursorName, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Count == 0)
        {
            return;
        }
        await InitializeAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var stored in feed.ReadAsync(s_types, _lastEventId, stoppingToken))
                {
                    await HandleAsync(stored, stoppingToken);
                    await cursors.SaveAsync(CursorName, _lastEventId, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>Handles one <c>session.completed</c> or <c>project.done</c>.</summary>
    public async Task HandleAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        _lastEventId = Math.Max(_lastEventId, stored.Id);
        var (project, source) = await MilestoneOfAsync(stored, cancellationToken);
        if (project is null || !_graph.Contains(project))
        {
            return;
        }
        _done.Add(project);
        await store.MarkDoneAsync(project, source, stored.Id, stored.Ts, cancellationToken);
        LogDone(logger, project, source);
        foreach (var dependent in _graph.DependentsOf(project))
        {
            var dependsOn = _graph.DependenciesOf(dependent);
            if (dependsOn.All(_done.Contains) && !await store.WasTriggeredAsync(dependent, stored.Id, cancellationToken))
            {
                await TriggerAsync(dependent, dependsOn, project, source, stored.Id, cancellationToken);
            }
        }
    }

    private async Task<(string? Project, string Source)> MilestoneOfAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        if (stored.Type == EventTypes.ProjectDone)
        {
            using var document = JsonDocument.Parse(stored.Data);
            return (JsonData.String(document.RootElement, "project"), JsonData.String(document.RootElement, "source") ?? EventTypes.ProjectDone);
        }
        if (stored.SessionId is null)
        {
            return (null, "");
        }
        var session = await sessions.GetAsync(stored.SessionId, cancellationToken);
        return (session?.Project, EventTypes.SessionCompleted);
    }

    private async Task TriggerAsync(string project, IReadOnlyList<string> dependsOn, string milestone, string source, long milestoneId,
        CancellationToken cancellationToken)
    {
        var entry = options.Value[project];
        var data = new DependencyTriggeredData(project, dependsOn, milestone, source, milestoneId, entry.AutoStart, false, null, "");
        var nodeId = ISupervisorEvents.FleetNodeId;
        if (!entry.AutoStart)
        {
            data = data with { Reason = "all dependencies are done; auto_start is false, so nothing was started" };
        }
        else if ((await sessions.ListLiveAsync(cancellationToken)).Any(s => s.Project == project))
        {
            data = data with { Reason = "all dependencies are done; the project already has a live session" };
        }
        else
        {
            var args = entry.Prompt is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["prompt"] = entry.Prompt };
            var submission = new CommandSubmission(CommandTypes.Start, null, project, null,
                JsonSerializer.SerializeToElement(args, PolicyJsonContext.Default.DictionaryStringString), Actor,
                $"{Actor}:{project}:{milestoneId}");
            try
            {
                var command = await commands.SubmitAsync(submission, cancellationToken);
                nodeId = command.NodeId;
                data = data with { Started = true, CommandId = command.CommandId, Reason = $"all dependencies are done; started by {milestone}'s milestone" };
            }
            catch (CommandRejectedException ex)
            {
                data = data with { Reason = $"all dependencies are done, but the start was rejected ({ex.Code}): {ex.Message}" };
            }
        }
        await store.RecordTriggerAsync(project, milestoneId, data.CommandId, timeProvider.GetUtcNow(), cancellationToken);
        LogTriggered(logger, project, milestone, data.Started, data.CommandId, data.Reason);
        await events.RecordAsync(EventTypes.DependencyTriggered, nodeId, null, data, PolicyJsonContext.Default.DependencyTriggeredData, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "dependency.done", Message = "Project {project} reached its milestone ({source})")]
    private static partial void LogDone(ILogger logger, string project, string source);

    [LoggerMessage(Level = LogLevel.Information, EventName = "dependency.triggered",
        Message = "Dependent project {project} ready after {milestone}; started {started} (command {command_id}): {reason}")]
    private static partial void LogTriggered(ILogger logger, string project, string milestone, bool started, string? command_id, string reason);

    [LoggerMessage(Level = LogLevel.Error, EventName = "dependency.failed", Message = "Following milestones failed; resuming")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
