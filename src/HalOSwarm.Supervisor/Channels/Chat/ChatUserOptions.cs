using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>One <c>channels.users[]</c> entry: a person, their chat ids and the supervisor role they act with.</summary>
internal sealed class ChatUserOptions
{
    /// <summary>A name for the audit log and replies (alice).</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "";

    /// <summary>viewer, operator or admin.</summary>
    [ConfigurationKeyName("role")]
    public string Role { get; set; } = "";

    [ConfigurationKeyName("discord")]
    public string Discord { get; set; } = "";

    [ConfigurationKeyName("slack")]
    public string Slack { get; set; } = "";

    [ConfigurationKeyName("telegram")]
    public string Telegram { get; set; } = "";
}
