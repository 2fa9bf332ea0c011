namespace HalOSwarm.Supervisor.Governance;

/// <summary>One limit in force: its name (<c>max_sessions_per_node</c>), value and the config key it came from.</summary>
internal sealed record CharterLimit(string Name, int Value, string Key);
