using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// A session's transcript from its stored events, then (with --follow) from the live stream until
/// the session completes or Ctrl+C. JSON format prints the raw events as JSON lines.
/// </summary>
internal sealed class SessionsLogsCommand : ApiCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Session id" };
    private readonly Option<bool> _follow = CommonOptions.Follow("Keep printing new events until the session ends or Ctrl+C");
    private readonly Option<bool> _deltas = CommonOptions.Deltas();

    public SessionsLogsCommand(GlobalOptions options, CliEnvironment environment)
        : base("logs", "Show a session's transcript: messages, tool calls, status changes, errors, usage", options, environment)
    {
        Arguments.Add(_id);
        Options.Add(_follow);
        Options.Add(_deltas);
    }

    protected override bool IsFollowing(ParseResult parseResult) => parseResult.GetValue(_follow);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var id = parseResult.GetRequiredValue(_id);
        // Asking for the session first turns a mistyped id into "not found" instead of an empty transcript.
        var session = (await context.Client.GetSessionAsync(id, cancellationToken)).Value;
        var sink = new EventSink(context, new TranscriptRenderer(context.Out, parseResult.GetValue(_deltas), timeZone: context.Environment.TimeZone));
        if (context.Format == OutputFormat.Table)
        {
            context.Out.WriteLine($"── session {session.SessionId} · {session.Project ?? "-"} on {session.NodeId ?? "-"} · {session.Status}"
                + (string.IsNullOrEmpty(session.Title) ? "" : $" · {session.Title}"));
        }

        var query = new EventQuery(SessionId: id, Order: "asc", Limit: 1000);
        long? last = null;
        string? cursor = null;
        do
        {
            var page = await context.Client.ListEventsAsync(query, cursor, cancellationToken);
            foreach (var evt in RawEvent.FromPage(page))
            {
                sink.Write(evt);
                last = evt.Value.Id;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        if (parseResult.GetValue(_follow) && !SessionStatuses.IsTerminal(session.Status) && !sink.SessionEnded)
        {
            var follower = new EventFollower(context.Client, context.Environment.Error, context.Environment.Time);
            await foreach (var evt in follower.FollowAsync(new EventQuery(SessionId: id), last, cancellationToken))
            {
                sink.Write(evt);
                if (sink.SessionEnded)
                {
                    break;
                }
            }
        }
        sink.Flush();
        return ExitCodes.Success;
    }
}
