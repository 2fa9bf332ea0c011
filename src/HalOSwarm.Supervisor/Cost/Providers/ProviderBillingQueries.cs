using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>Reads the provider_* tables on connections of its own.</summary>
internal sealed class ProviderBillingQueries(IDatabase database)
{
    /// <summary>Billed USD per provider and UTC day, summed exactly from the rows' decimal text.</summary>
    public async Task<IReadOnlyList<ProviderBilledDay>> BilledDaysAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT provider, day, amount_usd FROM provider_costs WHERE day >= @first AND day <= @last";
        query.AddParameter("@first", ProviderPollWriteHandler.Day(firstDay));
        query.AddParameter("@last", ProviderPollWriteHandler.Day(lastDay));
        var sums = new Dictionary<(string Provider, string Day), decimal>();
        using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                sums[key] = sums.GetValueOrDefault(key) + BillingAmounts.Parse(reader.GetString(2));
            }
        }
        return [.. sums.OrderBy(s => s.Key.Provider, StringComparer.Ordinal).ThenBy(s => s.Key.Day, StringComparer.Ordinal)
            .Select(s => new ProviderBilledDay(s.Key.Provider, DateOnly.ParseExact(s.Key.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.Value))];
    }

    /// <summary>Each provider's stored status (from the last run), by provider.</summary>
    public async Task<IReadOnlyDictionary<string, ProviderPollStatus>> StatusesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT provider, state, last_success_at, error FROM provider_poll_status";
        var statuses = new Dictionary<string, ProviderPollStatus>(StringComparer.Ordinal);
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses[reader.GetString(0)] = new ProviderPollStatus(reader.GetString(0), reader.GetString(1),
                SqliteTime.ParseNullable(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
        return statuses;
    }
}
