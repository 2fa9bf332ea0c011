namespace HalOSwarm.Supervisor.Channels.Telegram;

// The parts of the Bot API's incoming objects the supervisor reads (https://core.telegram.org/bots/api#update); every
// other field is ignored. Kept together: they are one wire shape.

/// <summary>An Update: its id and the one object it carries (only <c>message</c> and <c>callback_query</c> are asked for).</summary>
internal sealed record TelegramUpdate
{
    public long UpdateId { get; init; }

    public TelegramMessage? Message { get; init; }

    public TelegramCallbackQuery? CallbackQuery { get; init; }
}

internal sealed record TelegramMessage
{
    public long MessageId { get; init; }

    public TelegramUser? From { get; init; }

    public TelegramChat Chat { get; init; } = new();

    public string? Text { get; init; }
}

internal sealed record TelegramUser
{
    public long Id { get; init; }

    public bool IsBot { get; init; }

    public string? FirstName { get; init; }

    public string? Username { get; init; }
}

/// <summary><see cref="Type"/>: private, group, supergroup or channel.</summary>
internal sealed record TelegramChat
{
    public long Id { get; init; }

    public string? Type { get; init; }
}

/// <summary>A click on an inline keyboard button: <see cref="Data"/> is the button's <c>callback_data</c>.</summary>
internal sealed record TelegramCallbackQuery
{
    public string Id { get; init; } = "";

    public TelegramUser From { get; init; } = new();

    public TelegramMessage? Message { get; init; }

    public string? Data { get; init; }
}
