namespace HalOSwarm.Supervisor.Governance;

/// <summary>One tool-call rule in force, with the config key it came from (<c>charter.projects.demo.tools[0]</c>).</summary>
internal sealed record CharterToolRule(string Key, string? Tool, string Pattern, string Action);
