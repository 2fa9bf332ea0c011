using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>
/// What every fake provider shares: Kestrel on 127.0.0.1 with a free port, and the script of replies that the
/// conversation's turns take in order (<see cref="DefaultReply"/> once it is empty). Each provider maps its own
/// routes and writes its own wire shapes.
/// </summary>
public abstract class FakeLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private WebApplication? _app;
    private int _unauthorized;

    public Uri BaseUrl { get; private set; } = null!;

    public FakeReply DefaultReply { get; set; } = FakeReply.Text("Done. Nothing else to do.");

    /// <summary>
    /// When set, every request must present this key (<c>Authorization: Bearer KEY</c> or <c>x-api-key: KEY</c>); one
    /// without it, or with another, is answered 401 with the provider's own error body and counted in
    /// <see cref="UnauthorizedRequests"/>. Null (the default) accepts any request.
    /// </summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>Requests refused for a missing or wrong key.</summary>
    public int UnauthorizedRequests => Volatile.Read(ref _unauthorized);

    /// <summary>Writes the provider's 401 (OpenAI's shape unless the provider overrides it); the key is masked as the provider does.</summary>
    protected virtual Task WriteUnauthorizedAsync(HttpResponse response, string? presented, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        var message = presented is null
            ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
            : $"Incorrect API key provided: {Mask(presented)}. You can find your API key at https://platform.openai.com/account/api-keys.";
        return response.WriteAsJsonAsync(new { error = new { message, type = "invalid_request_error", param = (string?)null, code = presented is null ? null : "invalid_api_key" } },
            cancellationToken);
    }

    /// <summary>The first and last 4 characters of a key, as the providers show a wrong one.</summary>
    protected static string Mask(string key) => key.Length <= 8 ? "****" : $"{key[..4]}{new string('*', Math.Min(key.Length - 8, 24))}{key[^4..]}";

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        var apiKey = request.Headers["x-api-key"].ToString();
        return apiKey.Length > 0 ? apiKey : null;
    }

    /// <summary>Drops the replies still scripted (a test sharing the server, or one that failed half-way, leaves none for the next).</summary>
    public void Clear() => _script.Clear();

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>The next scripted reply, or <see cref="DefaultReply"/>.</summary>
    protected FakeReply NextReply() => _script.TryDequeue(out var next) ? next : DefaultReply;

    /// <summary>Maps the provider's routes.</summary>
    protected abstract void Map(WebApplication app);

    protected static async Task<TServer> StartAsync<TServer>(TServer server, CancellationToken cancellationToken)
        where TServer : FakeLlmServer
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (server.RequiredApiKey is { } required && PresentedKey(context.Request) is var presented && presented != required)
            {
                Interlocked.Increment(ref server._unauthorized);
                await server.WriteUnauthorizedAsync(context.Response, presented, context.RequestAborted);
                return;
            }
            await next(context);
        });
        server.Map(app);
        await app.StartAsync(cancellationToken);
        server._app = app;
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
