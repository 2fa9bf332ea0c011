using System.Globalization;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Tokens;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// The checks of <c>channels.users</c> and the role maps: roles are viewer, operator or admin; ids have their platform's
/// form (Discord snowflakes of 17-20 digits, Slack user ids U…/W…, Telegram positive integers); a name for each user;
/// no id listed twice. A value that is an example's placeholder is skipped (it can match nobody).
/// </summary>
internal static class ChatUserChecks
{
    public const int MaxNameLength = 64;
    public const int MaxUsers = 1000;

    public static void Check(ChannelsOptions options, List<string> errors)
    {
        if (options.Users.Count > MaxUsers)
        {
            errors.Add($"channels.users: lists {options.Users.Count} users; at most {MaxUsers}");
        }
        var seen = new Dictionary<(string Platform, string Id), int>();
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = $"channels.users[{i}]";
            if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Length > MaxNameLength || user.Name.Any(char.IsControl))
            {
                errors.Add($"{key}.name: is required: 1-{MaxNameLength} characters without control characters (shown in replies and alerts)");
            }
            if (!TokenRoles.All.Contains(user.Role))
            {
                errors.Add($"{key}.role: must be one of {string.Join(", ", TokenRoles.All)} (was '{Shown(user.Role)}')");
            }
            var ids = 0;
            foreach (var platform in ChatPlatforms.All)
            {
                var id = ChatAccess.IdOn(user, platform);
                if (string.IsNullOrEmpty(id) || PlaceholderValues.IsPlaceholder(id))
                {
                    continue;
                }
                ids++;
                if (IdProblem(platform, id) is { } problem)
                {
                    errors.Add($"{key}.{platform}: {problem} (was '{Shown(id)}')");
                }
                else if (seen.TryGetValue((platform, id), out var first))
                {
                    errors.Add($"{key}.{platform}: {id} is listed already in channels.users[{first}]; one entry per person");
                }
                else
                {
                    seen[(platform, id)] = i;
                }
            }
            if (ids == 0)
            {
                errors.Add($"{key}: names no chat id: set discord, slack or telegram (the id of the user on that platform)");
            }
        }
        foreach (var (roleId, role) in options.Discord.Roles)
        {
            if (PlaceholderValues.IsPlaceholder(roleId))
            {
                continue;
            }
            if (!IsSnowflake(roleId))
            {
                errors.Add($"channels.discord.roles.{Shown(roleId)}: the key must be a Discord role id (17-20 digits)");
            }
            if (!TokenRoles.All.Contains(role))
            {
                errors.Add($"channels.discord.roles.{Shown(roleId)}: must be one of {string.Join(", ", TokenRoles.All)} (was '{Shown(role)}')");
            }
        }
    }

    /// <summary>What is wrong with <paramref name="id"/> as a user id of <paramref name="platform"/>; null when nothing is.</summary>
    public static string? IdProblem(string platform, string id) => platform switch
    {
        ChannelKinds.Discord when !IsSnowflake(id) => "must be a Discord user id (17-20 digits; Developer Mode, Copy User ID)",
        ChannelKinds.Slack when !IsSlackUser(id) => "must be a Slack user id (U or W then 2-20 capital letters and digits, e.g. U024BE7LH)",
        ChannelKinds.Telegram when !IsTelegramUser(id) => "must be a Telegram user id (a positive whole number, e.g. 123456789)",
        _ => null,
    };

    public static bool IsSnowflake(string id) => id.Length is >= 17 and <= 20 && id.All(char.IsAsciiDigit) && id[0] != '0';

    private static bool IsSlackUser(string id) =>
        id.Length is >= 3 and <= 21 && id[0] is 'U' or 'W' && id.Skip(1).All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    private static bool IsTelegramUser(string id) =>
        id.Length is >= 1 and <= 16 && id.All(char.IsAsciiDigit) && id[0] != '0'
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string Shown(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
