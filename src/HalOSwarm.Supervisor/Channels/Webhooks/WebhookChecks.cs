namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>The checks of <c>channels.webhooks</c>.</summary>
internal static class WebhookChecks
{
    public static void Check(Dictionary<string, WebhookOptions> webhooks, List<string> errors)
    {
    }
}
