using System.CommandLine;
using System.Runtime.CompilerServices;
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
    private readonly Option<int?> _limit = CommonOptions.Limit("Only the session's last N events (1-1000); default: all of them");

    public SessionsLogsCommand(GlobalOptions options, CliEnvironment environment)
        : base("logs", "Show a session's transcript: messages, tool calls, status changes, errors, usage", options, environment)
    {
        Arguments.Add(_id);
        Options.Add(_follow);
        Options.Add(_deltas);
        Options.Add(_limit);
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

        long? last = null;
        await foreach (var evt in StoredAsync(context, id, parseResult.GetValue(_limit), cancellationToken))
        {
            sink.Write(evt);
            last = evt.Value.Id;
        }

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

    /// <summary>The stored events, oldest first: all of them, or with <paramref name="limit"/> only the newest that many.</summary>
    private static async IAsyncEnumerable<RawEvent> StoredAsync(
        CommandContext context, string id, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (limit is { } newest)
        {
            var newestPage = await context.Client.ListEventsAsync(new EventQuery(SessionId: id, Order: "desc", Limit: newest), null, cancellationToken);
            foreach (var evt in RawEvent.FromPage(newestPage).Reverse())
            {
                yield return evt;
            }
            yield break;
        }
        var query = new EventQuery(SessionId: id, Order: "asc", Limit: 1000);
        string? cursor = null;
        do
        {
            var page = await context.Client.ListEventsAsync(query, cursor, cancellationToken);
            foreach (var evt in RawEvent.FromPage(page))
            {
                yield return evt;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
