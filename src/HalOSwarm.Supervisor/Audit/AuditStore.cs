using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// The audit_log table; also the <see cref="IAuditLog"/> every feature records through. Entries are typed ops
/// (<see cref="AuditInsert"/>, <see cref="AuditComplete"/>) applied by <see cref="AuditWriteHandler"/> in the storage
/// writer's priority lane, so auditing never waits behind ingest.
/// </summary>
internal sealed class AuditStore(IDatabase database, IStorageWriter writer, TimeProvider timeProvider) : IAuditLog
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        writer.WriteAsync(new AuditInsert(entry, timeProvider.GetUtcNow()), cancellationToken);

    public Task CompleteCommandAsync(CommandDto command, CancellationToken cancellationToken) =>
        writer.WriteAsync(new AuditComplete(command), cancellationToken);

    public async Task<(IReadOnlyList<AuditRecord> Page, bool HasMore)> ListAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        var where = new List<string>();
        // LIKE patterns take the value escaped, so % and _ in a filter match themselves, not anything.
        Add(query, where, @"actor = @actor OR actor LIKE @actor_like || '/%' ESCAPE '\' OR actor LIKE '%/' || @actor_like ESCAPE '\'", "@actor", filter.Actor);
        Add(query, where, @"action = @action OR action LIKE @action_like || '.%' ESCAPE '\'", "@action", filter.Action);
        if (filter.Actor is not null)
        {
            query.AddParameter("@actor_like", EscapeLike(filter.Actor));
        }
        if (filter.Action is not null)
        {
            query.AddParameter("@action_like", EscapeLike(filter.Action));
        }
        Add(query, where, "target = @target", "@target", filter.Target);
        Add(query, where, "result = @result", "@result", filter.Result);
        Add(query, where, "at >= @since", "@since", SqliteTime.Format(filter.Since));
        Add(query, where, "at < @until", "@until", SqliteTime.Format(filter.Until));
        if (filter.BeforeId is { } before)
        {
            where.Add("id < @before");
            query.AddParameter("@before", before);
        }
        query.CommandText = """
            SELECT id, at, actor, action, target, args, result, error, duration_ms, source_address, command_id FROM audit_log
            """ + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where.Select(w => $"({w})")) : "") + " ORDER BY id DESC LIMIT @limit";
        query.AddParameter("@limit", filter.Limit + 1);
        var rows = new List<AuditRecord>();
        using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new AuditRecord(reader.GetInt64(0), SqliteTime.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                    Text(reader, 4), Text(reader, 5) is { } args ? JsonSerializer.Deserialize(args, AuditJsonContext.Default.JsonElement) : null,
                    reader.GetString(6), Text(reader, 7), reader.IsDBNull(8) ? null : reader.GetInt64(8), Text(reader, 9), Text(reader, 10)));
            }
        }
        var hasMore = rows.Count > filter.Limit;
        return (hasMore ? rows.GetRange(0, filter.Limit) : rows, hasMore);
    }

    /// <summary>Deletes entries older than <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_log WHERE at < @cutoff";
        delete.AddParameter("@cutoff", SqliteTime.Format(cutoff));
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, List<string> where, string clause, string parameter, string? value)
    {
        if (value is not null)
        {
            where.Add(clause);
            command.AddParameter(parameter, value);
        }
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
