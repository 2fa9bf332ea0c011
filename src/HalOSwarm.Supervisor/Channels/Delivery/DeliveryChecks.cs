namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The checks of <c>channels.delivery</c>.</summary>
internal static class DeliveryChecks
{
    public static void Check(DeliveryOptions options, List<string> errors)
    {
    }
}
