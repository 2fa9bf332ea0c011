using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeChat.Discord;

/// <summary>
/// Discord's API v10 for tests, on Kestrel at 127.0.0.1 and a free port: the REST routes the supervisor calls (messages,
/// threads, guild commands, interaction callbacks and webhooks, <c>GET /gateway/bot</c>) with Discord's shapes (ids as
/// strings, <c>X-RateLimit-*</c> headers, 429 bodies with <c>retry_after</c> and <c>global</c>, error JSON with
/// <c>code</c>), and the Gateway WebSocket (<see cref="Gateway"/>). Every request is recorded; a test may inject 429s,
/// refuse threads in a channel, and act as a user (<see cref="FakeDiscordGateway.SendInteractionAsync"/>, or
/// <see cref="FakeDiscordSigner"/> for the HTTP endpoint).
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string BotToken = "fake-bot-token.0123456789.abcdefghijklmnopqrstuvwxyz";
    public const string ApplicationId = "1100000000000000001";
    public const string GuildId = "1100000000000000002";
    public const string AlertsChannelId = "1100000000000000003";
    public const string BotUserId = "1100000000000000004";

    private readonly ConcurrentQueue<FakeDiscordRequest> _requests = new();
    private readonly ConcurrentDictionary<string, (int Count, double RetryAfter, bool Global)> _limits = new();
    private readonly ConcurrentDictionary<string, bool> _noThreads = new();
    private long _nextId = 1200000000000000000;
    private WebApplication? _app;

    private FakeDiscordServer()
    {
        Gateway = new FakeDiscordGateway(this);
    }

    /// <summary>http://127.0.0.1:PORT/api/v10 (what <c>channels.discord.api_base_url</c> takes).</summary>
    public string ApiBaseUrl { get; private set; } = "";

    public int Port { get; private set; }

    public FakeDiscordGateway Gateway { get; }

    public FakeDiscordSigner Signer { get; } = new();

    public IReadOnlyList<FakeDiscordRequest> Requests => [.. _requests];

    public IReadOnlyList<FakeDiscordRequest> RequestsTo(string route) => [.. _requests.Where(r => r.Route == route)];

    public static async Task<FakeDiscordServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeDiscordServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        server.Map(app);
        await app.StartAsync(cancellationToken);
        server._app = app;
        server.Port = new Uri(app.Urls.First()).Port;
        server.ApiBaseUrl = $"http://127.0.0.1:{server.Port}/api/v10";
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests of <paramref name="route"/> get a 429 with <paramref name="retryAfterSeconds"/>.</summary>
    public void RateLimitNext(string route, int count, double retryAfterSeconds, bool global = false) =>
        _limits[route] = (count, retryAfterSeconds, global);

    /// <summary>Starting a thread in <paramref name="channelId"/> is refused (403 Missing Permissions), as in a channel without thread rights.</summary>
    public void RefuseThreads(string channelId) => _noThreads[channelId] = true;

    public string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    public string GatewayUrl => $"ws://127.0.0.1:{Port}/gateway";

    public string ResumeGatewayUrl => $"ws://127.0.0.1:{Port}/gateway-resume";

    private void Map(WebApplication app)
    {
        app.Map("/gateway", Gateway.AcceptAsync);
        app.Map("/gateway-resume", Gateway.AcceptAsync);
        const string Api = "/api/v10";
        app.MapGet(Api + "/gateway/bot", (HttpContext c) => Rest(c, FakeDiscordRoutes.GatewayBot, true, _ => new JsonObject
        {
            ["url"] = $"ws://127.0.0.1:{Port}/gateway",
            ["shards"] = 1,
            ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1 },
        }));
        app.MapPost(Api + "/channels/{channel}/messages", (HttpContext c, string channel) =>
            Rest(c, FakeDiscordRoutes.CreateMessage, true, body => Message(NextId(), channel, body)));
        app.MapPatch(Api + "/channels/{channel}/messages/{message}", (HttpContext c, string channel, string message) =>
            Rest(c, FakeDiscordRoutes.EditMessage, true, body => Message(message, channel, body)));
        app.MapPost(Api + "/channels/{channel}/messages/{message}/threads", (HttpContext c, string channel, string message) =>
            Rest(c, FakeDiscordRoutes.StartThread, true, body => _noThreads.ContainsKey(channel)
                ? Error(403, 50013, "Missing Permissions")
                : new JsonObject
                {
                    ["id"] = message,
                    ["type"] = 11,
                    ["guild_id"] = GuildId,
                    ["parent_id"] = channel,
                    ["name"] = body?["name"]?.GetValue<string>(),
                    ["owner_id"] = BotUserId,
                    ["thread_metadata"] = new JsonObject { ["archived"] = false, ["auto_archive_duration"] = 1440, ["locked"] = false },
                }));
        app.MapPut(Api + "/applications/{app}/guilds/{guild}/commands", (HttpContext c, string app, string guild) =>
            Rest(c, FakeDiscordRoutes.PutGuildCommands, true, body => Commands(app, guild, body)));
        app.MapPost(Api + "/interactions/{id}/{token}/callback", (HttpContext c) =>
            Rest(c, FakeDiscordRoutes.InteractionCallback, false, _ => null));
        app.MapPatch(Api + "/webhooks/{app}/{token}/messages/@original", (HttpContext c) =>
            Rest(c, FakeDiscordRoutes.EditOriginal, false, body => Message(NextId(), AlertsChannelId, body)));
        app.MapPost(Api + "/webhooks/{app}/{token}", (HttpContext c) =>
            Rest(c, FakeDiscordRoutes.FollowUp, false, body => Message(NextId(), AlertsChannelId, body)));
    }

    private static JsonObject Message(string id, string channel, JsonNode? body)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["type"] = 0,
            ["channel_id"] = channel,
            ["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "hal", ["discriminator"] = "0", ["bot"] = true },
            ["content"] = body?["content"]?.DeepClone() ?? "",
            ["embeds"] = body?["embeds"]?.DeepClone() ?? new JsonArray(),
            ["components"] = body?["components"]?.DeepClone() ?? new JsonArray(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["pinned"] = false,
        };
        return message;
    }

    private JsonArray Commands(string app, string guild, JsonNode? body)
    {
        var result = new JsonArray();
        foreach (var command in body?.AsArray() ?? [])
        {
            var copy = command!.DeepClone().AsObject();
            copy["id"] = NextId();
            copy["application_id"] = app;
            copy["guild_id"] = guild;
            copy["version"] = NextId();
            result.Add(copy);
        }
        return result;
    }

    private static JsonObject Error(int status, int code, string message) =>
        new() { ["__status"] = status, ["message"] = message, ["code"] = code };

    /// <summary>Checks the bot token (bot routes), answers a scripted 429, else the route's JSON with rate-limit headers.</summary>
    private async Task Rest(HttpContext context, string route, bool bot, Func<JsonNode?, JsonNode?> answer)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var auth = context.Request.Headers.Authorization.ToString();
        var agent = context.Request.Headers.UserAgent.ToString();
        int status;
        JsonNode? json;
        var bucket = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(route))[..16];
        context.Response.Headers["X-RateLimit-Bucket"] = bucket;
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        if (bot && auth != "Bot " + BotToken)
        {
            (status, json) = (401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
        }
        else if (TakeLimit(route) is { } limit)
        {
            status = 429;
            json = new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = limit.RetryAfter, ["global"] = limit.Global };
            context.Response.Headers.RetryAfter = Math.Ceiling(limit.RetryAfter).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["X-RateLimit-Reset-After"] = limit.RetryAfter.ToString("0.000", CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Scope"] = limit.Global ? "global" : "user";
            if (limit.Global)
            {
                context.Response.Headers["X-RateLimit-Global"] = "true";
            }
        }
        else if (!TryParse(text, out var body))
        {
            (status, json) = (400, new JsonObject { ["message"] = "400: Bad Request", ["code"] = 50109 });
        }
        else
        {
            json = answer(body);
            status = json is JsonObject o && o["__status"] is { } s ? s.GetValue<int>() : json is null ? 204 : 200;
            if (json is JsonObject error && error.ContainsKey("__status"))
            {
                error.Remove("__status");
            }
            context.Response.Headers["X-RateLimit-Remaining"] = "4";
            context.Response.Headers["X-RateLimit-Reset-After"] = "1.000";
        }
        _requests.Enqueue(new FakeDiscordRequest(context.Request.Method, context.Request.Path.Value!["/api/v10".Length..], route, text,
            auth.Length == 0 ? null : auth, agent.Length == 0 ? null : agent, status));
        context.Response.StatusCode = status;
        if (json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json.ToJsonString(), Encoding.UTF8, context.RequestAborted);
        }
    }

    private static bool TryParse(string text, out JsonNode? body)
    {
        body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private (int Count, double RetryAfter, bool Global)? TakeLimit(string route)
    {
        while (_limits.TryGetValue(route, out var limit) && limit.Count > 0)
        {
            if (_limits.TryUpdate(route, limit with { Count = limit.Count - 1 }, limit))
            {
                return limit;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
