using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Registers the chat commands as the guild's slash commands at start (one PUT replaces them all, so renamed or dropped
/// commands disappear), retrying with back-off until Discord takes them. Integer options are type 4, the rest strings
/// (type 3); Session options autocomplete.
/// </summary>
internal sealed partial class DiscordCommandRegistration(
    IServiceProvider services,
    DiscordRestClient rest,
    TimeProvider timeProvider,
    ILogger<DiscordCommandRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan s_longestBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!rest.Configured || services.GetService<IChatCommands>() is not { } commands)
        {
            return;
        }
        var body = Commands(commands.Commands);
        var backoff = TimeSpan.FromSeconds(1);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await rest.PutGuildCommandsAsync(body, stoppingToken);
                LogRegistered(logger, body.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DiscordApiException or HttpRequestException or TaskCanceledException)
            {
                LogFailed(logger, exception.Message, attempt, (long)backoff.TotalMilliseconds);
            }
            try
            {
                await Task.Delay(backoff, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = backoff * 2 < s_longestBackoff ? backoff * 2 : s_longestBackoff;
        }
    }

    /// <summary>The PUT body: one CHAT_INPUT command per spec.</summary>
    public static JsonArray Commands(IReadOnlyList<ChatCommandSpec> specs)
    {
        var array = new JsonArray();
        foreach (var spec in specs)
        {
            var options = new JsonArray();
            foreach (var option in spec.Options.Take(25))
            {
                var item = new JsonObject
                {
                    ["type"] = option.Kind == ChatOptionKind.Integer ? 4 : 3,
                    ["name"] = option.Name,
                    ["description"] = Description(option.Description, option.Name),
                    ["required"] = option.Required,
                };
                if (option.Kind == ChatOptionKind.Session)
                {
                    item["autocomplete"] = true;
                }
                options.Add(item);
            }
            array.Add(new JsonObject
            {
                ["name"] = spec.Name,
                ["type"] = 1,
                ["description"] = Description(spec.Description, spec.Name),
                ["options"] = options,
            });
        }
        return array;
    }

    private static string Description(string text, string name) => DiscordRender.Cut(text.Length == 0 ? name : text, 100);
}
