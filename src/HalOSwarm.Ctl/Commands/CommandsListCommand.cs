using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class CommandsListCommand : ApiCommand
{
    public static readonly string[] States = ["pending", "sent", "accepted", "succeeded", "failed", "timed_out", "cancelled", "held"];
    public static readonly string[] Types = ["start", "prompt", "inject", "resume", "abort", "kill", "status", "restart", "permission_reply"];

    private readonly Option<string?> _session = new("--session") { Description = "Only commands for this session id" };
    private readonly Option<string?> _state = OneOf("--state", "Only commands in this state", States);
    private readonly Option<string?> _type = OneOf("--type", "Only commands of this type", Types);
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Only commands for this node" };
    private readonly Option<int?> _limit = CommonOptions.Limit("Commands per page (server default 100, at most 1000)");
    private readonly Option<bool> _all = new("--all") { Description = "Follow the cursors and list every page" };

    public CommandsListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List commands, newest first", options, environment)
    {
        Options.Add(_session);
        Options.Add(_state);
        Options.Add(_type);
        Options.Add(_node);
        Options.Add(_limit);
        Options.Add(_all);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new CommandQuery(parseResult.GetValue(_session), parseResult.GetValue(_state), parseResult.GetValue(_node),
            parseResult.GetValue(_type), parseResult.GetValue(_limit));
        return await PagedList.RunAsync(context, parseResult.GetValue(_all),
            (cursor, ct) => context.Client.ListCommandsAsync(query, cursor, ct),
            rows => CommandTableRenderer.RenderList(context.Console, rows, context.Now), "commands", cancellationToken);
    }

    private static Option<string?> OneOf(string name, string description, string[] values)
    {
        var option = new Option<string?>(name) { Description = description };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
