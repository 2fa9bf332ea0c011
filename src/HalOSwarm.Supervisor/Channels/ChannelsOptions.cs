using HalOSwarm.Supervisor.Channels.Discord;
using HalOSwarm.Supervisor.Channels.Routing;
using HalOSwarm.Supervisor.Channels.Slack;
using HalOSwarm.Supervisor.Channels.Telegram;
using HalOSwarm.Supervisor.Channels.Webhooks;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels;

/// <summary>
/// The <c>channels</c> section: the seed's <c>channels.discord</c> (<c>bot_token</c>, <c>guild_id</c>,
/// <c>channels.alerts</c>…), Slack, Telegram and webhook targets, the routing rules, who may do what from chat, and
/// how deliveries are retried. A platform whose credentials are empty or the seed's placeholders is not configured
/// (a note, not an error).
/// </summary>
internal sealed class ChannelsOptions
{
    public const string SectionName = "channels";

    [ConfigurationKeyName("discord")]
    public DiscordOptions Discord { get; set; } = new();

    [ConfigurationKeyName("slack")]
    public SlackOptions Slack { get; set; } = new();

    [ConfigurationKeyName("telegram")]
    public TelegramOptions Telegram { get; set; } = new();

    /// <summary>Named webhook targets (<c>webhook:NAME</c> in a route).</summary>
    [ConfigurationKeyName("webhooks")]
    public Dictionary<string, WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>The routing rules, in order; empty: the default rules (see docs/CHANNELS.md).</summary>
    [ConfigurationKeyName("routes")]
    public List<ChannelRouteOptions> Routes { get; set; } = [];

    /// <summary>Chat users and the supervisor role each has; anyone not listed (and holding no mapped Discord role) is refused.</summary>
    [ConfigurationKeyName("users")]
    public List<ChatUserOptions> Users { get; set; } = [];

    [ConfigurationKeyName("delivery")]
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>The dashboard's base URL an alert's Open button links to (https://hal.example.com); empty: no Open button.</summary>
    [ConfigurationKeyName("dashboard_url")]
    public string DashboardUrl { get; set; } = "";
}
