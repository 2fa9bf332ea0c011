namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The states and ops of a <c>channel_deliveries</c> row.</summary>
internal static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public const string Post = "post";
    public const string Update = "update";

    public static readonly IReadOnlyList<string> All = [Pending, Delivered, Failed];
}
