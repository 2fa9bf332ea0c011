using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Reads of stored commands: one by id, or a filtered page, newest first.</summary>
internal static class CommandQueriesApi
{
    public static async Task<IResult> GetAsync(string commandId, CommandStore store, CancellationToken ct) =>
        await store.GetAsync(commandId, ct) is { } command
            ? ApiResults.Ok(CommandViews.Public(command), ApiJsonContext.Default.ApiEnvelopeCommandDto)
            : ApiErrors.NotFound($"no command '{commandId}'");

    public static async Task<IResult> ListAsync(HttpRequest request, CommandStore store, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var state = query.OneOf("state", CommandStates.All);
        var type = query.OneOf("type", CommandKinds.All);
        var limit = query.Limit();
        string? afterCreated = null;
        string? afterId = null;
        if (query.CursorKey() is { } key)
        {
            var bar = key.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0)
            {
                afterCreated = key[..bar];
                afterId = key[(bar + 1)..];
            }
            else
            {
                query.Add("cursor", "is not a cursor this API returned");
            }
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var filter = new CommandFilter(query.String("session_id"), state, query.String("node_id"), type, limit, afterCreated, afterId);
        var (page, hasMore) = await store.ListAsync(filter, ct);
        var meta = hasMore ? new ApiMeta { NextCursor = Cursor.Encode(CommandStore.CursorKey(page[^1])) } : ApiMeta.Empty;
        return ApiResults.Ok([.. page.Select(CommandViews.Listed)], ApiJsonContext.Default.ApiEnvelopeIReadOnlyListCommandDto, meta);
    }
}
