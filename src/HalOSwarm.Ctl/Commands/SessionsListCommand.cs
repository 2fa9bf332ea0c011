using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Commands;

internal sealed class SessionsListCommand : ApiCommand
{
    private readonly Option<string?> _project = new("--project") { Description = "Only sessions of this project" };
    private readonly Option<string?> _status = CreateStatus();
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Only sessions on this node" };
    private readonly Option<int?> _limit = CommonOptions.Limit("Sessions per page (server default 100, at most 1000)");
    private readonly Option<bool> _all = new("--all") { Description = "Follow the cursors and list every page" };

    public SessionsListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List sessions, newest started first", options, environment)
    {
        Options.Add(_project);
        Options.Add(_status);
        Options.Add(_node);
        Options.Add(_limit);
        Options.Add(_all);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new SessionQuery(parseResult.GetValue(_project), parseResult.GetValue(_status), parseResult.GetValue(_node), parseResult.GetValue(_limit));
        return await PagedList.RunAsync(context, parseResult.GetValue(_all),
            (cursor, ct) => context.Client.ListSessionsAsync(query, cursor, ct),
            rows => SessionTableRenderer.RenderList(context.Console, rows, context.Now), "sessions", cancellationToken);
    }

    private static Option<string?> CreateStatus()
    {
        var option = new Option<string?>("--status") { Description = "Only sessions in this status" };
        option.AcceptOnlyFromAmong([.. SessionStatuses.All]);
        return option;
    }
}
