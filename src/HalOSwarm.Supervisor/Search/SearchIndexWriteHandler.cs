using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Search.Postgres;
using HalOSwarm.Supervisor.Search.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// The writer's handler for <see cref="SearchIndexWrite"/>: it hands each op to the configured provider's handler,
/// created from the writer's scope on first use — so only that provider's statements are ever prepared (SQLite's
/// handler prepares FTS5 statements that a PostgreSQL database could not run).
/// </summary>
internal sealed class SearchIndexWriteHandler(IServiceProvider services, IOptions<DatabaseOptions> options) : IWriteHandler<SearchIndexWrite>
{
    private IWriteHandler<SearchIndexWrite>? _handler;

    public void Apply(SearchIndexWrite op, WriteBatch batch)
    {
        _handler ??= options.Value.IsPostgres
            ? services.GetRequiredService<PostgresSearchWriteHandler>()
            : services.GetRequiredService<SqliteSearchWriteHandler>();
        _handler.Apply(op, batch);
    }
}
