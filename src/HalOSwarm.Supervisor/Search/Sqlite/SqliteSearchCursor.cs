using System.Globalization;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Search.Sqlite;

/// <summary>
/// Where the indexer resumes: its saved cursor, or 0 the first time — unlike other event consumers it indexes the
/// history stored before it existed too (in the background, a batch at a time).
/// </summary>
internal sealed class SqliteSearchCursor(SqliteDatabase database) : ISearchCursor
{
    public async Task<long> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT last_id FROM event_cursors WHERE consumer = $c), 0)";
        command.Parameters.AddWithValue("$c", SearchIndexer.Consumer);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
