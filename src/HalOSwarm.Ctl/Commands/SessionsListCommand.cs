using System.CommandLine;
using System.Text.Json;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Commands;

internal sealed class SessionsListCommand : ApiCommand
{
    private readonly Option<string?> _project = new("--project") { Description = "Only sessions of this project" };
    private readonly Option<string?> _status = CreateStatus();
    private readonly Option<string?> _node = new("--node") { Description = "Only sessions on this node" };
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
        var all = parseResult.GetValue(_all);
        var sessions = new List<SessionDto>();
        var raw = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await context.Client.ListSessionsAsync(query, cursor, cancellationToken);
            sessions.AddRange(page.Value);
            raw.AddRange(page.Data.EnumerateArray());
            cursor = page.NextCursor;
        }
        while (all && cursor is not null);

        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WriteArray(context.Out, raw);
            return ExitCodes.Success;
        }
        SessionTableRenderer.RenderList(context.Console, sessions, context.Now);
        if (cursor is not null)
        {
            context.Environment.Error.WriteLine("(more sessions: use --all to list every page)");
        }
        return ExitCodes.Success;
    }

    private static Option<string?> CreateStatus()
    {
        var option = new Option<string?>("--status") { Description = "Only sessions in this status" };
        option.AcceptOnlyFromAmong([.. SessionStatuses.All]);
        return option;
    }
}
