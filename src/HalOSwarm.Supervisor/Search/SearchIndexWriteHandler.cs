using HalOSwarm.Supervisor.Search.Postgres;
using HalOSwarm.Supervisor.Search.Sqlite;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// The writer's handler for <see cref="SearchIndexWrite"/>: it hands each op to the configured provider's handler,
/// created from the writer's scope on first use — so only that provider's statements are ever prepared (SQLite's
/// handler prepares FTS5 statements that a PostgreSQL database could not run).
/// </summary>
internal sealed class SearchIndexWriteHandler(IServiceProvider services) : IWriteHandler<SearchIndexWrite>
{
    private IWriteHandler<SearchIndexWrite>? _handler;

    public void Apply(SearchIndexWrite op, WriteBatch batch)
    {
        _handler ??= ProviderServices.Pick<IWriteHandler<SearchIndexWrite>, SqliteSearchWriteHandler, PostgresSearchWriteHandler>(services);
        _handler.Apply(op, batch);
    }
}
