namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>What a Gateway session leaves for the next connection to resume it: session id, last sequence, resume URL.</summary>
internal sealed class DiscordGatewaySession
{
    public string? SessionId { get; set; }

    public long? Sequence { get; set; }

    public Uri? ResumeUrl { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Forget()
    {
        SessionId = null;
        Sequence = null;
        ResumeUrl = null;
    }
}
