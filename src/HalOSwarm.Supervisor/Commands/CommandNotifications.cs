using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Storage.Postgres;
using Npgsql;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Commands between supervisors sharing a PostgreSQL database: the command writer NOTIFYs <see cref="StoredChannel"/>
/// when it stores a command and <see cref="FinishedChannel"/> when one ends (both in the transaction, so heard only once
/// committed); this service LISTENs on a connection of its own and tells the dispatcher, which delivers what it stored
/// elsewhere for a node connected here and ends the waits here for outcomes stored elsewhere. After a broken connection
/// it listens again and has the dispatcher look at the database for what it may have missed.
/// </summary>
internal sealed partial class CommandNotifications(
    PostgresDatabase database, CommandDispatcher dispatcher, SupervisorIdentity identity, ILogger<CommandNotifications> logger)
    : BackgroundService
{
    public const string StoredChannel = "hal_command_stored";
    public const string FinishedChannel = "hal_command_finished";

    /// <summary>
    /// The notification's text: <c>SUPERVISOR_ID NODE_ID COMMAND_ID</c> (none holds a space); a supervisor ignores its own,
    /// which its dispatcher already knows.
    /// </summary>
    public static string Payload(string supervisorId, string nodeId, string commandId) => $"{supervisorId} {nodeId} {commandId}";

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
                await using (var listen = new NpgsqlCommand($"LISTEN {StoredChannel}; LISTEN {FinishedChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (!first)
                {
                    dispatcher.Resync();
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
        var parts = payload.Split(' ');
        if (parts.Length != 3 || parts[0] == identity.Id)
        {
            return;
        }
        var (nodeId, commandId) = (parts[1], parts[2]);
        if (channel == StoredChannel)
        {
            dispatcher.RemoteStored(nodeId, commandId);
        }
        else if (channel == FinishedChannel)
        {
            dispatcher.RemoteFinished(commandId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other supervisors' commands failed, trying again: {reason}")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}
