using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// <see cref="IAlertBook"/> over <c>channel_alerts</c>. Claims and completions are single isolated writer ops, so two
/// clicks racing on two platforms are ordered by the writer and exactly one of them finds the answer columns empty.
/// </summary>
internal sealed class AlertBook(IDatabase database, IStorageWriter writer, OutboxSignal signal, TimeProvider timeProvider) : IAlertBook
{
    public async Task<Alert?> GetAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {AlertBookRows.Columns} FROM channel_alerts a WHERE a.id = @id";
        query.AddParameter("@id", alertId);
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? AlertBookRows.Read(reader, 0) : null;
    }

    public Task<AlertClaim> ClaimAsync(long alertId, string action, string actor, string by, string platform, CancellationToken cancellationToken) =>
        writer.WriteAsync(new AlertBookClaim(alertId, action, actor, by, platform, timeProvider.GetUtcNow()), cancellationToken);

    public async Task<Alert> CompleteAsync(long alertId, string outcome, CancellationToken cancellationToken)
    {
        var alert = await writer.WriteAsync(new AlertBookComplete(alertId, outcome, timeProvider.GetUtcNow()), cancellationToken);
        signal.Notify();
        return alert;
    }

    public async Task AnswerElsewhereAsync(string approvalId, string outcome, CancellationToken cancellationToken)
    {
        if (await writer.WriteAsync(new AlertBookAnswerElsewhere(approvalId, outcome, timeProvider.GetUtcNow()), cancellationToken) > 0)
        {
            signal.Notify();
        }
    }
}
