using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>Sets one <c>channel_state</c> row Discord keeps (a session's thread in a channel).</summary>
internal sealed record DiscordStateWrite(string Key, string Value, DateTimeOffset At) : AwaitedWrite;
