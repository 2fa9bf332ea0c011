using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>Stores the next update id to ask Telegram for (<c>channel_state</c> key <c>telegram.offset</c>); it never goes back.</summary>
internal sealed record TelegramOffsetSave(long Offset, DateTimeOffset At) : AwaitedWrite;
