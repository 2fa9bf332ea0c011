using System.Data.Common;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// The event filters shared by the list and the live stream: session, node, types (a comma list whose entries
/// ending in <c>.*</c> match a prefix), and a time range (since inclusive, until exclusive).
/// </summary>
internal sealed record EventFilter(
    string? SessionId,
    string? NodeId,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Prefixes,
    DateTimeOffset? Since,
    DateTimeOffset? Until)
{
    public static EventFilter Read(QueryReader query)
    {
        var types = new List<string>();
        var prefixes = new List<string>();
        foreach (var entry in (query.String("type") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.EndsWith(".*", StringComparison.Ordinal))
            {
                prefixes.Add(entry[..^1]);
            }
            else if (entry.Contains('*', StringComparison.Ordinal))
            {
                query.Add("type", $"'{entry}': a wildcard is only allowed as a trailing '.*'");
            }
            else
            {
                types.Add(entry);
            }
        }
        var since = query.Time("since");
        var until = query.Time("until");
        if (since is not null && until is not null && until <= since)
        {
            query.Add("until", "must be later than since");
        }
        return new EventFilter(query.String("session_id"), query.String("node_id"), types, prefixes, since, until);
    }

    public bool Matches(StoredEvent stored) =>
        (SessionId is null || stored.SessionId == SessionId)
        && (NodeId is null || stored.NodeId == NodeId)
        && (Types.Count + Prefixes.Count == 0 || Types.Contains(stored.Type) || Prefixes.Any(p => stored.Type.StartsWith(p, StringComparison.Ordinal)))
        && (Since is null || stored.Ts >= Since)
        && (Until is null || stored.Ts < Until);

    public void AppendSql(DbCommand command, List<string> where)
    {
        if (SessionId is not null)
        {
            where.Add("session_id = @session");
            command.AddParameter("@session", SessionId);
        }
        if (NodeId is not null)
        {
            where.Add("node_id = @node");
            command.AddParameter("@node", NodeId);
        }
        if (Types.Count + Prefixes.Count > 0)
        {
            var any = new List<string>();
            for (var i = 0; i < Types.Count; i++)
            {
                any.Add($"type = @t{i}");
                command.AddParameter($"@t{i}", Types[i]);
            }
            for (var i = 0; i < Prefixes.Count; i++)
            {
                any.Add($"type LIKE @p{i} ESCAPE '\\'");
                command.AddParameter($"@p{i}", Escape(Prefixes[i]) + "%");
            }
            where.Add("(" + string.Join(" OR ", any) + ")");
            if (!MayMatch(EventTypes.MessageDelta))
            {
                where.Add(DeltaFreeIndexCondition); // lets SQLite use the partial type index (0005_cheaper_event_indexes.sql)
            }
        }
        if (Since is { } since)
        {
            where.Add("ts >= @since");
            command.AddParameter("@since", SqliteTime.Format(since));
        }
        if (Until is { } until)
        {
            where.Add("ts < @until");
            command.AddParameter("@until", SqliteTime.Format(until));
        }
    }

    /// <summary>The condition of the partial index <c>ix_events_type</c>, verbatim.</summary>
    private const string DeltaFreeIndexCondition = "type <> 'message.delta'";

    private bool MayMatch(string type) => Types.Contains(type) || Prefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal));

    private static string Escape(string prefix) =>
        prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
