using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>The newest stored events, oldest of them first; with --follow, then the live stream.</summary>
internal sealed class EventsTailCommand : ApiCommand
{
    private const int DefaultLimit = 50;

    private readonly Option<string?> _session = new("--session") { Description = "Only this session's events" };
    private readonly Option<string?> _node = new("--node", "--node-id") { Description = "Only this node's events" };
    private readonly Option<string?> _type = new("--type") { Description = "Event types, comma-separated; 'session.*' matches a prefix" };
    private readonly Option<string?> _since = CreateSince();
    private readonly Option<int?> _limit = CommonOptions.Limit($"How many of the newest events to show first (default {DefaultLimit}, at most 1000)");
    private readonly Option<bool> _follow = CommonOptions.Follow("Keep printing new events until Ctrl+C");
    private readonly Option<bool> _deltas = CommonOptions.Deltas();

    public EventsTailCommand(GlobalOptions options, CliEnvironment environment)
        : base("tail", "Show the newest events (newest last)", options, environment)
    {
        Options.Add(_session);
        Options.Add(_node);
        Options.Add(_type);
        Options.Add(_since);
        Options.Add(_limit);
        Options.Add(_follow);
        Options.Add(_deltas);
    }

    protected override bool IsFollowing(ParseResult parseResult) => parseResult.GetValue(_follow);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        string? since = null;
        if (parseResult.GetValue(_since) is { } sinceText)
        {
            since = TimeArgument.TryParse(sinceText, context.Now, out var time)
                ? TimeArgument.ToIso(time)
                : throw new CliUsageException($"invalid --since '{sinceText}': expected {TimeArgument.Help}");
        }
        var filter = new EventQuery(parseResult.GetValue(_session), parseResult.GetValue(_node), parseResult.GetValue(_type), since);
        var sink = new EventSink(context, new TranscriptRenderer(
            context.Out, parseResult.GetValue(_deltas), showOrigin: true, timeZone: context.Environment.TimeZone));

        // The newest N come newest first; print them oldest first, like tail.
        var page = await context.Client.ListEventsAsync(
            filter with { Order = "desc", Limit = parseResult.GetValue(_limit) ?? DefaultLimit }, null, cancellationToken);
        var events = RawEvent.FromPage(page).Reverse().ToList();
        foreach (var evt in events)
        {
            sink.Write(evt);
        }
        if (events.Count == 0 && context.Format == OutputFormat.Table && !parseResult.GetValue(_follow))
        {
            context.Out.WriteLine("no events");
        }

        if (parseResult.GetValue(_follow))
        {
            long? last = events.Count == 0 ? null : events.Max(e => e.Value.Id);
            var follower = new EventFollower(context.Client, context.Environment.Error, context.Environment.Time);
            // Resuming after an id already covers --since; sending both would make the server replay the window.
            var live = last is null ? filter : filter with { Since = null };
            await foreach (var evt in follower.FollowAsync(live, last, cancellationToken))
            {
                sink.Write(evt);
            }
        }
        sink.Flush();
        return ExitCodes.Success;
    }

    private static Option<string?> CreateSince()
    {
        var option = new Option<string?>("--since") { Description = "Only events at or after this time: " + TimeArgument.Help };
        option.Validators.Add(result =>
        {
            if (!TimeArgument.TryParse(result.GetValueOrDefault<string?>(), DateTimeOffset.UtcNow, out _))
            {
                result.AddError($"--since: expected {TimeArgument.Help}");
            }
        });
        return option;
    }
}
