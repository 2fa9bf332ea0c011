using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The <c>database</c> section: the SQLite file and the writer's batching.</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "database";
    public const string SynchronousNormal = "normal";
    public const string SynchronousFull = "full";

    /// <summary><c>sqlite</c> (one file, the default) or <c>postgres</c> (a server several supervisors may share).</summary>
    [ConfigurationKeyName("provider")]
    public string Provider { get; set; } = Storage.StorageProviders.Sqlite;

    /// <summary>PostgreSQL only: a connection string (<c>Host=…;Port=…;Username=…;Password=…;Database=…</c>); a secret.</summary>
    [ConfigurationKeyName("connection_string")]
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL only: the most connections this supervisor opens (the writer's one and the readers').</summary>
    [ConfigurationKeyName("pool_size")]
    public int PoolSize { get; set; } = 20;

    public bool IsPostgres => string.Equals(Provider.Trim(), Storage.StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>SQLite only. Relative paths are resolved against the config file's folder.</summary>
    [ConfigurationKeyName("path")]
    public string Path { get; set; } = "hal-supervisor.db";

    [ConfigurationKeyName("busy_timeout_ms")]
    public int BusyTimeoutMs { get; set; } = 5000;

    /// <summary>Most events one write transaction holds.</summary>
    [ConfigurationKeyName("write_batch_events")]
    public int WriteBatchEvents { get; set; } = 4096;

    /// <summary>Frames waiting for the writer before socket readers wait (back-pressure).</summary>
    [ConfigurationKeyName("write_queue_capacity")]
    public int WriteQueueCapacity { get; set; } = 1024;

    /// <summary>
    /// What a commit waits for: <c>normal</c> (the WAL is synced at checkpoints: a commit survives the process
    /// crashing, not the machine losing power) or <c>full</c> (the WAL is synced at every commit: it survives both).
    /// </summary>
    [ConfigurationKeyName("synchronous")]
    public string Synchronous { get; set; } = SynchronousNormal;

    /// <summary>
    /// What start-up checks before it touches the file: <c>quick</c> (<c>PRAGMA quick_check</c>: every page and
    /// record, not index contents), <c>full</c> (<c>PRAGMA integrity_check</c>: also every index against its table) or
    /// <c>off</c>. <c>true</c> and <c>false</c> (this key's earlier values) mean <c>full</c> and <c>off</c>.
    /// </summary>
    [ConfigurationKeyName("integrity_check")]
    public string IntegrityCheck { get; set; } = IntegrityQuick;

    public const string IntegrityQuick = "quick";
    public const string IntegrityFull = "full";
    public const string IntegrityOff = "off";

    /// <summary><see cref="IntegrityCheck"/> as one of quick, full, off; null when it is none of them.</summary>
    public string? IntegrityMode => IntegrityCheck.Trim().ToLowerInvariant() switch
    {
        IntegrityQuick => IntegrityQuick,
        IntegrityFull or "true" => IntegrityFull,
        IntegrityOff or "false" => IntegrityOff,
        _ => null,
    };
}
