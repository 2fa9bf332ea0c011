namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Every Bot API answer: <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":429,"description":"…",
/// "parameters":{"retry_after":N}}</c>.
/// </summary>
internal sealed record TelegramResponse<T>
{
    public bool Ok { get; init; }

    public T? Result { get; init; }

    public int? ErrorCode { get; init; }

    public string? Description { get; init; }

    public TelegramResponseParameters? Parameters { get; init; }
}

internal sealed record TelegramResponseParameters
{
    public int? RetryAfter { get; init; }

    public long? MigrateToChatId { get; init; }
}
