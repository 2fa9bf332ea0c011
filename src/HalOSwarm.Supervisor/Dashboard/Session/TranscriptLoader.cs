using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>
/// Builds a <see cref="Transcript"/> from the event log without reading all of a long session: the latest
/// <c>limit</c> events other than deltas (finished messages carry their whole text), plus the deltas of the message
/// still streaming (those after the last finished message, at most <see cref="MaxDeltas"/>).
/// </summary>
internal static class TranscriptLoader
{
    public const int PageSize = 300;
    public const int MaxEvents = 6000;
    public const int MaxDeltas = 4000;
    public const int CatchUpPage = 1000;
    private static readonly string[] s_types =
        [EventTypes.MessageCompleted, EventTypes.ToolStarted, EventTypes.ToolFinished, EventTypes.PermissionAsked, EventTypes.PermissionReplied];

    /// <summary>The transcript of the latest <paramref name="limit"/> events, and whether there are earlier ones.</summary>
    public static async Task<(Transcript Transcript, bool HasEarlier)> LoadAsync(EventQueries queries, string sessionId, int limit, CancellationToken ct)
    {
        var filter = new EventFilter(sessionId, null, s_types, ["session."], null, null);
        var (page, hasEarlier) = await queries.ListAsync(filter, descending: true, null, Math.Min(limit, MaxEvents), ct);
        var lastCompleted = page.FirstOrDefault(e => e.Type == EventTypes.MessageCompleted)?.Id ?? (page.Count > 0 ? page[^1].Id : 0);
        var deltaFilter = new EventFilter(sessionId, null, [EventTypes.MessageDelta], [], null, null);
        var (deltas, _) = await queries.ListAsync(deltaFilter, descending: true, null, MaxDeltas, ct);
        var transcript = new Transcript();
        foreach (var stored in page.Concat(deltas.Where(d => d.Id > lastCompleted)).OrderBy(e => e.Id))
        {
            transcript.Apply(stored);
        }
        return (transcript, hasEarlier);
    }

    /// <summary>Applies every event of the session stored after <see cref="Transcript.LastId"/> (all types); false when nothing changed.</summary>
    public static async Task<bool> CatchUpAsync(EventQueries queries, string sessionId, Transcript transcript, CancellationToken ct)
    {
        var filter = new EventFilter(sessionId, null, [], [], null, null);
        var changed = false;
        while (true)
        {
            var (page, hasMore) = await queries.ListAsync(filter, descending: false, transcript.LastId, CatchUpPage, ct);
            foreach (var stored in page)
            {
                changed |= transcript.Apply(stored);
            }
            if (!hasMore || page.Count == 0)
            {
                return changed;
            }
        }
    }
}
