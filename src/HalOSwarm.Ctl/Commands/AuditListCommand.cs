using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

internal sealed class AuditListCommand : ApiCommand
{
    private readonly Option<string?> _actor = new("--actor") { Description = "Only this actor, whole or either part (api:admin/cli:alice, cli:alice, policy:stuck)" };
    private readonly Option<string?> _action = new("--action") { Description = "Only this action, or a prefix (command, command.kill, approval)" };
    private readonly Option<string?> _target = new("--target") { Description = "Only entries about this target (session id, project, approval id)" };
    private readonly Option<string?> _since = TimeOption("--since", "Only entries at or after this time");
    private readonly Option<string?> _until = TimeOption("--until", "Only entries before this time");
    private readonly Option<int?> _limit = CommonOptions.Limit("Entries per page (server default 100, at most 1000)");
    private readonly Option<bool> _all = new("--all") { Description = "Follow the cursors and list every page" };

    public AuditListCommand(GlobalOptions options, CliEnvironment environment)
        : base("list", "List audit entries, newest first", options, environment)
    {
        Options.Add(_actor);
        Options.Add(_action);
        Options.Add(_target);
        Options.Add(_since);
        Options.Add(_until);
        Options.Add(_limit);
        Options.Add(_all);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(parseResult.GetValue(_actor), parseResult.GetValue(_action), parseResult.GetValue(_target),
            Time(parseResult.GetValue(_since), "--since", context.Now), Time(parseResult.GetValue(_until), "--until", context.Now), parseResult.GetValue(_limit));
        return await PagedList.RunAsync(context, parseResult.GetValue(_all),
            (cursor, ct) => context.Client.ListAuditAsync(query, cursor, ct),
            rows => AuditTableRenderer.RenderList(context.Console, rows), "entries", cancellationToken);
    }

    private static string? Time(string? text, string option, DateTimeOffset now) => text is null ? null
        : TimeArgument.TryParse(text, now, out var time) ? TimeArgument.ToIso(time)
        : throw new CliUsageException($"invalid {option} '{text}': expected {TimeArgument.Help}");

    private static Option<string?> TimeOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = $"{description}: {TimeArgument.Help}" };
        option.Validators.Add(result =>
        {
            if (!TimeArgument.TryParse(result.GetValueOrDefault<string?>(), DateTimeOffset.UtcNow, out _))
            {
                result.AddError($"{name}: expected {TimeArgument.Help}");
            }
        });
        return option;
    }
}
