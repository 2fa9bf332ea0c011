namespace HalOSwarm.Testing.FakeChat.Discord;

/// <summary>
/// One REST request the fake received: method, path (without <c>/api/v10</c>), the route's name
/// (<see cref="FakeDiscordRoutes"/>), the body, the Authorization and User-Agent headers, and the status answered.
/// </summary>
public sealed record FakeDiscordRequest(string Method, string Path, string Route, string Body, string? Authorization, string? UserAgent, int Status);

/// <summary>The names of the REST routes the fake serves, for recording and for injecting 429s.</summary>
public static class FakeDiscordRoutes
{
    public const string GatewayBot = "gateway_bot";
    public const string CreateMessage = "create_message";
    public const string EditMessage = "edit_message";
    public const string StartThread = "start_thread";
    public const string PutGuildCommands = "put_guild_commands";
    public const string InteractionCallback = "interaction_callback";
    public const string EditOriginal = "edit_original";
    public const string FollowUp = "follow_up";
}
