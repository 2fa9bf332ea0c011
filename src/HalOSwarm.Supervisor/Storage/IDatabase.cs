using System.Data.Common;

namespace HalOSwarm.Supervisor.Storage;

/// <summary>
/// The supervisor's database, whichever engine holds it (<c>database.provider</c>): features open their reading
/// connections here and write through the storage writer. SQL that features share is written once, in what both
/// engines read alike (named <c>@parameters</c>, <c>ON CONFLICT</c> upserts, times as fixed-width ISO 8601 text,
/// integers as 64-bit); what differs is asked of <see cref="Provider"/>.
/// </summary>
internal interface IDatabase
{
    /// <summary><see cref="StorageProviders.Sqlite"/> or <see cref="StorageProviders.Postgres"/>.</summary>
    string Provider { get; }

    /// <summary>Where the data lives, for logs and health: a file path, or host, port and database (never a password).</summary>
    string Location { get; }

    /// <summary>The database's size in bytes, for the metrics (a file and its WAL, or what the server reports).</summary>
    long SizeBytes();

    /// <summary>An open connection of the caller's own; dispose it when done.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
