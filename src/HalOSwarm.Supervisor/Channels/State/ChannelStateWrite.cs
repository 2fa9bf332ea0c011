using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.State;

/// <summary>
/// Sets one <c>channel_state</c> row. <see cref="ForwardOnly"/>: the value is a whole number that only grows (an
/// offset), so a late write of a smaller one changes nothing.
/// </summary>
internal sealed record ChannelStateWrite(string Key, string Value, DateTimeOffset At, bool ForwardOnly) : AwaitedWrite;
