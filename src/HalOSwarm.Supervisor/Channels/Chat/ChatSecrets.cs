namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// The last guard before a reply leaves for chat: every secret the supervisor holds (<see cref="ChannelSecrets"/>) is
/// masked wherever it shows up in a reply, a transcript line included.
/// </summary>
internal sealed class ChatSecrets(ChannelSecrets secrets)
{
    public const string Mask = ChannelSecrets.Mask;

    public string Clean(string text) => secrets.MaskIn(text);

    public ChatReply Clean(ChatReply reply) => reply with
    {
        Text = Clean(reply.Text),
        Title = reply.Title is null ? null : Clean(reply.Title),
        Preformatted = reply.Preformatted is null ? null : Clean(reply.Preformatted),
        Fields = reply.Fields?.Select(f => f with { Value = Clean(f.Value) }).ToList(),
    };
}
