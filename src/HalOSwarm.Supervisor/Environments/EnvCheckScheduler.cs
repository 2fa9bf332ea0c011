using System.Collections.Concurrent;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Nodes;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Checks by itself: a node's projects that a manifest covers when the node comes online (its stored
/// <c>node.online</c> events from this start on, read through <see cref="EventFeed"/>), and every
/// connected node's every <c>environments.check_interval_sec</c> (0: never on a schedule). One node's projects are checked
/// one after the other, and a node already being checked is not checked again until that pass ends.
/// </summary>
internal sealed partial class EnvCheckScheduler(
    EventFeed feed,
    EventCursorStore cursors,
    AgentRegistry registry,
    NodeQueries nodes,
    IEnvManifests manifests,
    IEnvChecks checks,
    IOptions<EnvironmentsOptions> options,
    TimeProvider timeProvider,
    ILogger<EnvCheckScheduler> logger) : BackgroundService
{
    public const string Consumer = "environments";
    public const string Actor = "policy:environments";

    private static readonly string[] s_types = [EventTypes.NodeOnline];
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(OnConnectAsync(stoppingToken), OnScheduleAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(_running.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task OnConnectAsync(CancellationToken stoppingToken)
    {
        // Never saved, so every start reads from the newest event: a node.online before this start belongs to a
        // connection that is gone (nodes connect again after a restart, and that is when they are checked).
        var after = await cursors.GetAsync(Consumer, stoppingToken);
        await foreach (var stored in feed.ReadAsync(s_types, after, stoppingToken))
        {
            Start(stored.NodeId, "connect", stoppingToken);
        }
    }

    private async Task OnScheduleAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CheckIntervalSec <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckIntervalSec), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var connection in registry.Connections)
            {
                if (connection.NodeId is { } nodeId)
                {
                    Start(nodeId, "schedule", stoppingToken);
                }
            }
        }
    }

    /// <summary>Checks the node's covered projects in the background, unless a pass over that node is under way.</summary>
    private void Start(string nodeId, string reason, CancellationToken stoppingToken)
    {
        if (!registry.IsConnected(nodeId) || _running.ContainsKey(nodeId))
        {
            return;
        }
        var pass = new TaskCompletionSource();
        if (!_running.TryAdd(nodeId, pass.Task))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await CheckNodeAsync(nodeId, reason, stoppingToken);
            }
            finally
            {
                _running.TryRemove(nodeId, out _);
                pass.TrySetResult();
            }
        }, CancellationToken.None);
    }

    private async Task CheckNodeAsync(string nodeId, string reason, CancellationToken stoppingToken)
    {
        try
        {
            if (await nodes.GetAsync(nodeId, stoppingToken) is not { } node)
            {
                return;
            }
            foreach (var project in node.Projects.Where(p => manifests.Covers(p.Name)))
            {
                if (!registry.IsConnected(nodeId))
                {
                    return;
                }
                try
                {
                    await checks.CheckAsync(nodeId, project, Actor, stoppingToken);
                }
                catch (Exception ex) when (ex is EnvCheckFailedException or CommandRejectedException)
                {
                    LogCheckFailed(logger, project.Name, nodeId, reason, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogCheckFailed(logger, "*", nodeId, reason, ex.Message);
        }
    }
}
