using System.Text.Json.Nodes;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// The answer to an interaction (<c>{"type", "data"}</c>: 1 PONG, 4 message, 5 deferred, 7 update the clicked message, 8
/// autocomplete choices) and the work that follows it once Discord has it (the deferred command's PATCH @original, a
/// follow-up), run by whoever sent the answer.
/// </summary>
internal sealed record DiscordInteractionResponse(JsonObject Body, Func<CancellationToken, Task>? After = null)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;

    public static DiscordInteractionResponse Of(int type, JsonObject? data = null, Func<CancellationToken, Task>? after = null)
    {
        var body = new JsonObject { ["type"] = type };
        if (data is not null)
        {
            body["data"] = data;
        }
        return new DiscordInteractionResponse(body, after);
    }
}
