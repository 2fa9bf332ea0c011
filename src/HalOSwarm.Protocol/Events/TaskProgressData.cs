namespace HalOSwarm.Protocol.Events;

/// <summary>
/// The project's <c>.context/CURRENT_TASK.md</c>: its first heading or line, and its checkboxes.
/// Sent with no session id; it applies to every session of the project on that node.
/// </summary>
public sealed record TaskProgressData(string Project, string? CurrentTask, int Done, int Total);
