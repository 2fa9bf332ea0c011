using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>channels status|deliveries</c>: the chat platforms and webhooks alerts go to, and what was delivered.</summary>
internal sealed class ChannelsCommand : Command
{
    public ChannelsCommand(GlobalOptions options, CliEnvironment environment)
        : base("channels", "Alert channels (Discord, Slack, Telegram, webhooks): status, deliveries")
    {
        Subcommands.Add(new ChannelsStatusCommand(options, environment));
        Subcommands.Add(new ChannelsDeliveriesCommand(options, environment));
    }
}
