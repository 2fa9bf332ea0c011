using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage.Postgres;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Storage;

/// <summary>The first hosted service: the configured provider's initializer (schema, integrity, nodes offline).</summary>
internal sealed class StorageInitializer(IServiceProvider services, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => options.Value.IsPostgres
        ? services.GetRequiredService<PostgresInitializer>().StartAsync(cancellationToken)
        : services.GetRequiredService<DatabaseInitializer>().StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
