using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>One set of charter rules (the fleet default or a project's); an unset limit is inherited, or unlimited.</summary>
internal sealed class CharterRulesOptions
{
    /// <summary>The most active sessions (starting, running, idle) a node may run when a session of this project starts.</summary>
    [ConfigurationKeyName("max_sessions_per_node")]
    public int? MaxSessionsPerNode { get; set; }

    /// <summary>The most active sessions of the project across the fleet.</summary>
    [ConfigurationKeyName("max_sessions_per_project")]
    public int? MaxSessionsPerProject { get; set; }

    /// <summary>A session running longer than this many minutes is killed.</summary>
    [ConfigurationKeyName("max_session_minutes")]
    public int? MaxSessionMinutes { get; set; }

    /// <summary>The most prompts (prompt, inject, resume) one session takes in a rolling hour.</summary>
    [ConfigurationKeyName("max_prompts_per_hour")]
    public int? MaxPromptsPerHour { get; set; }

    /// <summary>Tool-call rules, first match wins.</summary>
    [ConfigurationKeyName("tools")]
    public List<CharterToolRuleOptions> Tools { get; set; } = [];
}
