using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>channels deliveries</c>: the outbox, newest first, with why a delivery failed.</summary>
internal sealed class ChannelsDeliveriesCommand : ApiCommand
{
    private static readonly string[] s_states = ["pending", "delivered", "failed"];
    private readonly Option<string?> _state = new("--state") { Description = "Only deliveries in this state: pending, delivered, failed" };
    private readonly Option<string?> _target = new("--target") { Description = "Only this target (KIND:NAME: webhook:n8n, discord:alerts, slack:#ops)" };
    private readonly Option<long?> _alert = new("--alert") { Description = "Only the deliveries of this alert id" };
    private readonly Option<int?> _limit = CommonOptions.Limit("Deliveries per page (server default 100, at most 1000)");
    private readonly Option<bool> _all = new("--all") { Description = "Follow the cursors and list every page" };

    public ChannelsDeliveriesCommand(GlobalOptions options, CliEnvironment environment)
        : base("deliveries", "List alert deliveries, newest first", options, environment)
    {
        _state.AcceptOnlyFromAmong(s_states);
        Options.Add(_state);
        Options.Add(_target);
        Options.Add(_alert);
        Options.Add(_limit);
        Options.Add(_all);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new DeliveryQuery(parseResult.GetValue(_state), parseResult.GetValue(_target), parseResult.GetValue(_alert), parseResult.GetValue(_limit));
        return PagedList.RunAsync(context, parseResult.GetValue(_all),
            (cursor, ct) => context.Client.ListDeliveriesAsync(query, cursor, ct),
            rows => ChannelTableRenderer.RenderDeliveries(context.Console, rows), "deliveries", cancellationToken);
    }
}
