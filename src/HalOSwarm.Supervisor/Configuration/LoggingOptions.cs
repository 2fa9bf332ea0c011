using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The <c>logging</c> section.</summary>
internal sealed class LoggingOptions
{
    public const string SectionName = "logging";

    /// <summary>trace, debug, information, warning, error, critical or none.</summary>
    [ConfigurationKeyName("level")]
    public string Level { get; set; } = "information";
}
