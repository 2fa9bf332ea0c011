namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// Makes a failure's reason safe to store, log and show: one line, every secret masked (<see cref="ChannelSecrets"/>),
/// cut to <see cref="MaxLength"/> characters.
/// </summary>
internal sealed class DeliveryReasons(ChannelSecrets secrets)
{
    public const int MaxLength = 500;

    public string Scrub(string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? "unknown error" : reason.ReplaceLineEndings(" ").Trim();
        text = secrets.MaskIn(text);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
