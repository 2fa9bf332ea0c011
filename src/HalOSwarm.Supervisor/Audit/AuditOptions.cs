using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>The <c>security.audit</c> section.</summary>
internal sealed class AuditOptions
{
    public const string SectionName = "security.audit";

    /// <summary>Audit entries older than this are purged once a day.</summary>
    [ConfigurationKeyName("retention_days")]
    public int RetentionDays { get; set; } = 90;
}
