using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeChat.Slack;

/// <summary>
/// Slack for tests, on 127.0.0.1 and a free port, with Slack's shapes: the Web API under <see cref="ApiBaseUrl"/>
/// (chat.postMessage, chat.update, apps.connections.open; always HTTP 200 with <c>ok</c>, except a 429 with
/// Retry-After when a test injects one), a Socket Mode endpoint (hello on connect; a test sends a user's slash command
/// or button click as an envelope, or a <c>disconnect</c>, or drops the socket; acks are recorded) and response_url
/// endpoints that record what was posted to them. Everything received is recorded.
/// </summary>
public sealed partial class FakeSlack : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();
    private readonly ConcurrentQueue<FakeSlackAck> _acks = new();
    private readonly ConcurrentQueue<JsonObject> _responses = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _rateLimits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Channel, JsonObject Body)> _messages = new(StringComparer.Ordinal);
    private readonly List<FakeSlackConnection> _connections = [];
    private readonly Lock _lock = new();
    private WebApplication? _app;
    private long _nextTs = 1_764_000_000_000_100;
    private int _opened;

    public string BotToken { get; set; } = "xoxb-1111111111-2222222222-fakebottoken0001";

    public string AppToken { get; set; } = "xapp-1-A0FAKE0001-3333333333-fakeapptoken0001";

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Channel ids answered <c>channel_not_found</c> (a channel deleted, or one the bot cannot see); set before use.</summary>
    public HashSet<string> MissingChannels { get; } = new(StringComparer.Ordinal);

    /// <summary>What <c>channels.slack.api_base_url</c> is set to.</summary>
    public string ApiBaseUrl => BaseUrl + "api";

    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    public IReadOnlyList<FakeSlackAck> Acks => [.. _acks];

    /// <summary>Bodies POSTed to the fake's response_urls.</summary>
    public IReadOnlyList<JsonObject> Responses => [.. _responses];

    /// <summary>How often apps.connections.open was called successfully.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    public int SocketsAccepted
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get 429 with <c>Retry-After: seconds</c>.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int count = 1)
    {
        var queue = _rateLimits.GetOrAdd(method, _ => new ConcurrentQueue<int>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(retryAfterSeconds);
        }
    }

    /// <summary>A response_url of this fake (what Slack puts in a command or click).</summary>
    public string ResponseUrl(string name = "1") => BaseUrl + "commands/" + FakeSlackPayloads.TeamId + "/" + name;

    public static async Task<FakeSlack> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeSlack();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.Map("/link", fake.SocketAsync);
        app.MapPost("/commands/{team}/{name}", fake.ResponseUrlAsync);
        await app.StartAsync(cancellationToken);
        fake._app = app;
        fake.BaseUrl = new Uri(app.Urls.First() + "/");
        return fake;
    }

    public async Task<FakeSlackCall> WaitForCallAsync(Func<FakeSlackCall, bool> match, string what, int timeoutMs = 15_000)
    {
        await WaitUntilAsync(() => _calls.Any(match), what, timeoutMs);
        return _calls.First(match);
    }

    public async Task<FakeSlackAck> WaitForAckAsync(string envelopeId, int timeoutMs = 15_000)
    {
        await WaitUntilAsync(() => _acks.Any(a => a.EnvelopeId == envelopeId), $"the ack of envelope {envelopeId}", timeoutMs);
        return _acks.First(a => a.EnvelopeId == envelopeId);
    }

    public async Task<JsonObject> WaitForResponseAsync(Func<JsonObject, bool> match, string what, int timeoutMs = 15_000)
    {
        await WaitUntilAsync(() => _responses.Any(match), what, timeoutMs);
        return _responses.First(match);
    }

    /// <summary>Waits until <paramref name="count"/> Socket Mode connections were accepted (and greeted with hello).</summary>
    public Task WaitForSocketsAsync(int count, int timeoutMs = 15_000) =>
        WaitUntilAsync(() => SocketsAccepted >= count, $"{count} Socket Mode connection(s)", timeoutMs);

    private static async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }
            await Task.Delay(20);
        }
    }

    private string NextTs()
    {
        var value = Interlocked.Increment(ref _nextTs);
        return (value / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        FakeSlackConnection[] open;
        lock (_lock)
        {
            open = [.. _connections];
        }
        foreach (var connection in open)
        {
            connection.Socket.Abort();
        }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
