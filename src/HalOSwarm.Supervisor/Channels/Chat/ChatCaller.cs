namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// Who sent a chat command or clicked a button: the platform (<c>discord</c>, <c>slack</c>, <c>telegram</c>), the
/// platform's user id, the name it showed, the Discord role ids the member holds (empty elsewhere) and the channel or
/// chat it came from. <see cref="Actor"/> is how the audit log and commands name them.
/// </summary>
internal sealed record ChatCaller(string Platform, string UserId, string? UserName, IReadOnlyList<string> RoleIds, string? ChannelId)
{
    public string Actor => $"chat:{Platform}:{UserId}";
}
