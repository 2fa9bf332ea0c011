using System.Globalization;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// <c>/api/v1/channels</c> (viewers): the platforms' connection states with each target's delivery counts, the
/// deliveries newest first (filtered by state, target and alert), and one alert with its answer and deliveries.
/// </summary>
internal static class ChannelsApi
{
    /// <summary>The longest target a filter takes (<c>KIND:NAME</c>).</summary>
    public const int MaxTargetLength = 200;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/channels", OverviewAsync);
        endpoints.MapGet("/channels/deliveries", DeliveriesAsync);
        endpoints.MapGet("/channels/alerts/{alertId}", AlertAsync);
        return endpoints;
    }

    private static async Task<IResult> OverviewAsync(IEnumerable<IChannelStatusSource> sources, DeliveryStore store, CancellationToken cancellationToken)
    {
        var reported = sources.Select(s => s.Status).ToList();
        var platforms = ChannelKinds.All
            .Select(kind => reported.FirstOrDefault(s => s.Kind == kind) ?? new ChannelStatus(kind, "not_configured", "", null, null))
            .ToList();
        var overview = new ChannelsOverview(platforms, await store.CountsAsync(cancellationToken));
        return ApiResults.Ok(overview, ChannelsJsonContext.Default.ApiEnvelopeChannelsOverview);
    }

    private static async Task<IResult> DeliveriesAsync(HttpRequest request, DeliveryStore store, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        long? beforeId = null;
        if (query.CursorKey() is { } key)
        {
            if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                beforeId = id;
            }
            else
            {
                query.Add("cursor", "is not a cursor this API returned");
            }
        }
        var target = query.String("target");
        if (target is { Length: > MaxTargetLength })
        {
            query.Add("target", $"must be at most {MaxTargetLength} characters (KIND:NAME, such as webhook:n8n)");
        }
        var filter = new DeliveryFilter(query.OneOf("state", DeliveryStates.All), target, query.Long("alert_id", 1), query.Limit(), beforeId);
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var (page, hasMore) = await store.ListAsync(filter, cancellationToken);
        var meta = hasMore ? new ApiMeta { NextCursor = Cursor.Encode(page[^1].Id.ToString(CultureInfo.InvariantCulture)) } : ApiMeta.Empty;
        IReadOnlyList<DeliveryView> shown = [.. page.Select(d => d with { LastError = ListFields.Shorten(d.LastError) })];
        return ApiResults.Ok(shown, ChannelsJsonContext.Default.ApiEnvelopeIReadOnlyListDeliveryView, meta);
    }

    private static async Task<IResult> AlertAsync(string alertId, IAlertBook book, DeliveryStore store, CancellationToken cancellationToken)
    {
        if (!long.TryParse(alertId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
        {
            return ApiErrors.Invalid([new FieldError("alertId", $"must be a positive integer (was '{BoundedText.Cut(alertId, 40, "…")}')")]);
        }
        if (await book.GetAsync(id, cancellationToken) is not { } alert)
        {
            return ApiErrors.NotFound($"no alert {id}");
        }
        return ApiResults.Ok(new AlertDetail(alert, await store.ForAlertAsync(id, cancellationToken)), ChannelsJsonContext.Default.ApiEnvelopeAlertDetail);
    }
}
