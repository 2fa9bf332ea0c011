using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>The <c>retention</c> section: how long stored events are kept, and where old ones go.</summary>
internal sealed class RetentionOptions
{
    public const string SectionName = "retention";

    /// <summary>Events older than this many days (by their <c>ts</c>) are archived or deleted; 0 keeps every event.</summary>
    [ConfigurationKeyName("events_days")]
    public int EventsDays { get; set; }

    /// <summary>True: old events are appended to gzip'd JSON-lines files in <see cref="ArchiveDir"/> before they are deleted.</summary>
    [ConfigurationKeyName("archive")]
    public bool Archive { get; set; } = true;

    /// <summary>Folder of the archive files; a relative path is taken from the database file's folder.</summary>
    [ConfigurationKeyName("archive_dir")]
    public string ArchiveDir { get; set; } = "archive";

    /// <summary>Events per delete: each batch is one op in the storage writer's bulk lane, between ingest batches.</summary>
    [ConfigurationKeyName("batch_events")]
    public int BatchEvents { get; set; } = 500;

    /// <summary>Minutes between passes; the first runs a minute after start-up.</summary>
    [ConfigurationKeyName("interval_minutes")]
    public int IntervalMinutes { get; set; } = 60;
}
