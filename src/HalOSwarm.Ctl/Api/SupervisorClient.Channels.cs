namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/channels</c>: the platforms' state and the outbox's deliveries (viewer).</summary>
internal sealed partial class SupervisorClient
{
    public Task<ApiPage<ChannelsOverviewDto>> ChannelsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/channels", null, CtlJsonContext.Default.ChannelsOverviewDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<DeliveryDto>>> ListDeliveriesAsync(DeliveryQuery query, string? cursor, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/channels/deliveries" + query.ToQuery(cursor), null, CtlJsonContext.Default.IReadOnlyListDeliveryDto, null,
            cancellationToken);
}
