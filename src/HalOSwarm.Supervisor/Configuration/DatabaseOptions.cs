using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The <c>database</c> section: the SQLite file and the writer's batching.</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "database";
    public const string SynchronousNormal = "normal";
    public const string SynchronousFull = "full";

    /// <summary>Relative paths are resolved against the config file's folder.</summary>
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

    [ConfigurationKeyName("integrity_check")]
    public bool IntegrityCheck { get; set; }
}
