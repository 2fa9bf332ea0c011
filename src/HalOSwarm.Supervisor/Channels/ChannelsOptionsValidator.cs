using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Channels.Discord;
using HalOSwarm.Supervisor.Channels.Routing;
using HalOSwarm.Supervisor.Channels.Slack;
using HalOSwarm.Supervisor.Channels.Telegram;
using HalOSwarm.Supervisor.Channels.Webhooks;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels;

/// <summary>Lists every problem of the <c>channels</c> section with its key; each part checks its own keys.</summary>
internal sealed class ChannelsOptionsValidator : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        var errors = new List<string>();
        DiscordChecks.Check(options.Discord, errors);
        SlackChecks.Check(options.Slack, errors);
        TelegramChecks.Check(options.Telegram, errors);
        WebhookChecks.Check(options.Webhooks, errors);
        RouteChecks.Check(options, errors);
        ChatUserChecks.Check(options, errors);
        DeliveryChecks.Check(options.Delivery, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The notes <c>--validate</c> prints and start-up logs (a platform left with the seed's placeholders: not configured).</summary>
    public static void Notes(ChannelsOptions options, List<string> notes)
    {
        DiscordChecks.Notes(options.Discord, notes);
        SlackChecks.Notes(options.Slack, notes);
        TelegramChecks.Notes(options.Telegram, notes);
        RouteChecks.Notes(options, notes);
    }
}
