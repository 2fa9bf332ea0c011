using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary><c>search &lt;words&gt;</c>: the events whose text has every word and "quoted phrase", newest first.</summary>
internal sealed class SearchCommand : ApiCommand
{
    private readonly Argument<string[]> _words = new("words")
    {
        Description = "Words that must all appear; \"quoted phrases\" in order; word* for a prefix (at most 256 characters, 16 terms)",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _project = new("--project") { Description = "Only events of this project" };
    private readonly Option<string?> _session = new("--session") { Description = "Only this session's events" };
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Only this node's events" };
    private readonly Option<string?> _since = TimeOption("--since", "Only events at or after this time");
    private readonly Option<string?> _until = TimeOption("--until", "Only events before this time");
    private readonly Option<int?> _limit = Limit();
    private readonly Option<bool> _all = new("--all") { Description = "Follow the cursors and list every page" };

    public SearchCommand(GlobalOptions options, CliEnvironment environment)
        : base("search", "Find events (messages, tool calls, errors, titles) by the words in them, newest first", options, environment)
    {
        Arguments.Add(_words);
        Options.Add(_project);
        Options.Add(_session);
        Options.Add(_node);
        Options.Add(_since);
        Options.Add(_until);
        Options.Add(_limit);
        Options.Add(_all);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var query = new SearchQuery(string.Join(' ', parseResult.GetValue(_words) ?? []), parseResult.GetValue(_project), parseResult.GetValue(_session),
            parseResult.GetValue(_node), Time(parseResult.GetValue(_since), context.Now), Time(parseResult.GetValue(_until), context.Now),
            parseResult.GetValue(_limit));
        return PagedList.RunAsync(context, parseResult.GetValue(_all),
            (cursor, ct) => context.Client.SearchAsync(query, cursor, ct),
            rows => SearchTableRenderer.RenderList(context.Console, rows), "matches", cancellationToken);
    }

    private static string? Time(string? text, DateTimeOffset now) =>
        text is not null && TimeArgument.TryParse(text, now, out var time) ? TimeArgument.ToIso(time) : null;

    private static Option<int?> Limit()
    {
        var option = new Option<int?>("--limit") { Description = "Matches per page (server default 20, at most 100)" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 100)
            {
                result.AddError("--limit must be between 1 and 100");
            }
        });
        return option;
    }

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
