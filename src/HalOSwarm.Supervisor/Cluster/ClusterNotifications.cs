using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Storage.Postgres;
using Npgsql;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>
/// What supervisors sharing a PostgreSQL database tell each other. The writers NOTIFY in their transactions, so a
/// notification is heard only once what it announces is committed:
/// <list type="bullet">
/// <item><see cref="CommandStoredChannel"/> / <see cref="CommandFinishedChannel"/>: a command was stored / ended; the
/// dispatcher delivers what was stored elsewhere for a node connected here and ends the waits here for outcomes stored
/// elsewhere (a supervisor ignores its own, which its dispatcher already knows);</item>
/// <item><see cref="EventRelay.Channel"/>: events were stored up to an id; the <see cref="EventRelay"/> feeds them to this
/// supervisor's live subscribers;</item>
/// <item><see cref="NodeStateStore.NodeTakenChannel"/>: another supervisor took a node's socket (its agent said hello
/// there); a connection for that node still open here is one its agent has left, and is closed
/// (<see cref="CloseCodes.DuplicateNode"/>), so that a node's socket lives on one supervisor at a time.</item>
/// </list>
/// This service LISTENs on a connection of its own; after a broken connection it listens again and has the dispatcher
/// and the relay look at the database for what they may have missed.
/// </summary>
internal sealed partial class ClusterNotifications(
    PostgresDatabase database, CommandDispatcher dispatcher, EventRelay relay, AgentRegistry agents, SupervisorIdentity identity,
    ILogger<ClusterNotifications> logger)
    : BackgroundService
{
    public const string CommandStoredChannel = "hal_command_stored";
    public const string CommandFinishedChannel = "hal_command_finished";

    /// <summary>A command notification's text: <c>SUPERVISOR_ID NODE_ID COMMAND_ID</c> (none holds a space).</summary>
    public static string CommandPayload(string supervisorId, string nodeId, string commandId) => $"{supervisorId} {nodeId} {commandId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = database.DataSource.CreateConnection();
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {CommandStoredChannel}; LISTEN {CommandFinishedChannel}; LISTEN {EventRelay.Channel}; LISTEN {NodeStateStore.NodeTakenChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (!first)
                {
                    dispatcher.Resync();
                    relay.Resync();
                }
                first = false;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Heard(string channel, string payload)
    {
        if (channel == EventRelay.Channel)
        {
            // its own too: a batch the relay had to drop is read back from the database
            if (EventRelay.TryParse(payload, out var lastId))
            {
                relay.Heard(lastId);
            }
            return;
        }
        var parts = payload.Split(' ');
        if (channel == NodeStateStore.NodeTakenChannel)
        {
            if (parts.Length == 2 && parts[0] != identity.Id && agents.TryGet(parts[1], out var left)
                && left.RequestClose(CloseCodes.DuplicateNode, $"node {parts[1]} connected to supervisor {parts[0]}"))
            {
                LogNodeTaken(logger, parts[1], parts[0]);
            }
            return;
        }
        if (parts.Length != 3 || parts[0] == identity.Id)
        {
            return;
        }
        var (nodeId, commandId) = (parts[1], parts[2]);
        if (channel == CommandStoredChannel)
        {
            dispatcher.RemoteStored(nodeId, commandId);
        }
        else if (channel == CommandFinishedChannel)
        {
            dispatcher.RemoteFinished(commandId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "node.taken_over",
        Message = "Closed the connection of node {node_id}: its agent connected to supervisor {supervisor_id}")]
    private static partial void LogNodeTaken(ILogger logger, string node_id, string supervisor_id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening to the other supervisors failed, trying again: {reason}")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}
