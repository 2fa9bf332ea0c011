using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The <c>charter</c> section: the fleet's governance rules (<see cref="Default"/>) and each project's overrides
/// (<see cref="Projects"/>; a project inherits every limit it does not set, and its tool rules come before the default's).
/// </summary>
internal sealed class CharterOptions
{
    public const string SectionName = "charter";

    /// <summary>How often sessions are checked against <c>max_session_minutes</c>, in seconds.</summary>
    [ConfigurationKeyName("check_interval_sec")]
    public int CheckIntervalSec { get; set; } = 30;

    [ConfigurationKeyName("default")]
    public CharterRulesOptions Default { get; set; } = new();

    [ConfigurationKeyName("projects")]
    public Dictionary<string, CharterRulesOptions> Projects { get; set; } = new(StringComparer.Ordinal);
}
