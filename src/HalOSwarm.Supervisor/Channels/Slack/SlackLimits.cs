namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>Block Kit's limits the renderer cuts to (Slack refuses a message over any of them with invalid_blocks).</summary>
internal static class SlackLimits
{
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int FieldText = 2000;
    public const int Fields = 10;
    public const int ContextText = 3000;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int Buttons = 25;
    public const int FallbackText = 3000;
}
