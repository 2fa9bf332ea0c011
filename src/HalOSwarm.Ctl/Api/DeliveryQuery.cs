namespace HalOSwarm.Ctl.Api;

/// <summary>Filters of <c>GET /api/v1/channels/deliveries</c>.</summary>
internal sealed record DeliveryQuery(string? State = null, string? Target = null, long? AlertId = null, int? Limit = null)
{
    public QueryString ToQuery(string? cursor = null) => new QueryString()
        .Add("state", State)
        .Add("target", Target)
        .Add("alert_id", AlertId)
        .Add("limit", Limit)
        .Add("cursor", cursor);
}
