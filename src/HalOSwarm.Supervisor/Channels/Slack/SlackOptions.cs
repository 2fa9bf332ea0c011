using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>The <c>channels.slack</c> section.</summary>
internal sealed class SlackOptions
{
    /// <summary>The bot token (xoxb-…); empty or a placeholder: Slack is not configured.</summary>
    [ConfigurationKeyName("bot_token")]
    public string BotToken { get; set; } = "";

    /// <summary>The app-level token (xapp-…) Socket Mode connects with.</summary>
    [ConfigurationKeyName("app_token")]
    public string AppToken { get; set; } = "";

    /// <summary>The signing secret HTTP requests are verified with (<c>mode: http</c>).</summary>
    [ConfigurationKeyName("signing_secret")]
    public string SigningSecret { get; set; } = "";

    /// <summary><c>socket</c> (Socket Mode, no public endpoint) or <c>http</c>.</summary>
    [ConfigurationKeyName("mode")]
    public string Mode { get; set; } = "socket";

    /// <summary>Name → channel id (<c>slack:ops</c>); a route may also name a channel as <c>slack:#ops</c>.</summary>
    [ConfigurationKeyName("channels")]
    public Dictionary<string, string> Channels { get; set; } = [];

    /// <summary>The one slash command the Slack app registers (<c>/hal status</c>); commands registered on their own (<c>/status</c>) work too.</summary>
    [ConfigurationKeyName("command")]
    public string Command { get; set; } = "/hal";

    /// <summary>Slack's Web API base (the tests point it at a fake).</summary>
    [ConfigurationKeyName("api_base_url")]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api";
}
