namespace HalOSwarm.Protocol.Events;

/// <summary>
/// What a session is doing, finer than its status: one of <see cref="ActivityStates"/>.
/// <see cref="Detail"/> says why (the line that matched, the silence that was measured);
/// <see cref="Progress"/> is the share of the task file's checkboxes ticked (0..1) when there is one.
/// </summary>
public sealed record SessionActivityData(string State, string? Detail = null, double? Progress = null);
