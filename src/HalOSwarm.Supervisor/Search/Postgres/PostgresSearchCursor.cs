using System.Globalization;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Postgres;

namespace HalOSwarm.Supervisor.Search.Postgres;

/// <summary>Where the indexer resumes on PostgreSQL: its saved cursor in <c>event_cursors</c>, or 0 the first time (it indexes the history too).</summary>
internal sealed class PostgresSearchCursor(PostgresDatabase database) : ISearchCursor
{
    public async Task<long> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT last_id FROM event_cursors WHERE consumer = @c), 0)";
        command.AddParameter("@c", SearchIndexer.Consumer);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
