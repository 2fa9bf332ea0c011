using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// Who may do what from chat: a caller's role is the one of their <c>channels.users[]</c> entry (matched by the platform's
/// user id) or, on Discord, the highest role mapped by <c>channels.discord.roles</c> from the member's roles, whichever is
/// higher. Anyone else has no role and is refused politely, with the id an admin needs to add them.
/// </summary>
internal sealed class ChatAccess(IOptionsMonitor<ChannelsOptions> options)
{
    public ChatIdentity Resolve(ChatCaller caller)
    {
        var channels = options.CurrentValue;
        var user = channels.Users.FirstOrDefault(u => string.Equals(IdOn(u, caller.Platform), caller.UserId, StringComparison.Ordinal)
            && caller.UserId.Length > 0);
        var role = user is null ? null : Normalize(user.Role);
        if (caller.Platform == ChannelKinds.Discord)
        {
            foreach (var roleId in caller.RoleIds)
            {
                if (channels.Discord.Roles.TryGetValue(roleId, out var mapped))
                {
                    role = Higher(role, Normalize(mapped));
                }
            }
        }
        var name = user is { Name.Length: > 0 } ? user.Name
            : !string.IsNullOrWhiteSpace(caller.UserName) ? caller.UserName
            : caller.UserId;
        return new ChatIdentity(role, name);
    }

    /// <summary>True when <paramref name="role"/> includes <paramref name="required"/> (an admin may do what an operator may).</summary>
    public static bool Allows(string? role, string required) => role is not null && TokenRoles.AtLeast(required).Contains(role);

    /// <summary>The polite no: what they tried, and what would let them (an entry in <c>channels.users</c>, a higher role).</summary>
    public static string Refusal(ChatCaller caller, ChatIdentity identity, string what, string required) => identity.Role is null
        ? $"You are not allowed to {what}. Ask an admin to add your {ChatPlatforms.DisplayName(caller.Platform)} id {caller.UserId} to channels.users."
        : $"You are not allowed to {what}: that needs the {required} role, and you have {identity.Role}. Ask an admin if you need it.";

    /// <summary>The caller's id on <paramref name="platform"/> in a <c>channels.users[]</c> entry.</summary>
    public static string IdOn(ChatUserOptions user, string platform) => platform switch
    {
        ChannelKinds.Discord => user.Discord,
        ChannelKinds.Slack => user.Slack,
        ChannelKinds.Telegram => user.Telegram,
        _ => "",
    };

    /// <summary>A role the checks let through; anything else (the validator refuses it at start) gives no role.</summary>
    private static string? Normalize(string role) => TokenRoles.All.Contains(role) ? role : null;

    private static string? Higher(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }
        return Rank(a) >= Rank(b) ? a : b;
    }

    private static int Rank(string role) => role switch
    {
        TokenRoles.Admin => 3,
        TokenRoles.Operator => 2,
        _ => 1,
    };
}
