using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeChat.Webhook;

/// <summary>
/// A webhook receiver (n8n or similar) on 127.0.0.1: answers every POST to <see cref="Url"/> 200 <c>{"ok":true}</c>,
/// records each request with its headers and raw body, takes scripted failures one per request (429 with Retry-After,
/// 500, 400…), and can go down (its port closed: connection refused) and come back on the same port.
/// </summary>
public sealed class FakeWebhookReceiver : IAsyncDisposable
{
    public const string Path = "/hooks/hal";
    private readonly ConcurrentQueue<FakeWebhookFailure> _failures = new();
    private readonly ConcurrentQueue<FakeWebhookRequest> _requests = new();
    private WebApplication? _app;

    private FakeWebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}{Path}");

    public IReadOnlyList<FakeWebhookRequest> Requests => [.. _requests];

    /// <summary>The requests answered 2xx.</summary>
    public IReadOnlyList<FakeWebhookRequest> Accepted => [.. _requests.Where(r => r.Status is >= 200 and < 300)];

    public static async Task<FakeWebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var receiver = new FakeWebhookReceiver(FreePort.Next());
        await receiver.ComeBackAsync(cancellationToken);
        return receiver;
    }

    public void FailNext(params FakeWebhookFailure[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <summary>Stops listening: requests are refused at the socket until <see cref="ComeBackAsync"/>.</summary>
    public async Task GoDownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async Task ComeBackAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost(Path, ReceiveAsync);
        await app.StartAsync(cancellationToken);
        _app = app;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var status = 200;
        var json = """{"ok":true}""";
        if (_failures.TryDequeue(out var failure))
        {
            status = failure.Status;
            json = failure.Status == 429 ? """{"code":429,"message":"Too many requests"}""" : $$"""{"code":{{status}},"message":"scripted failure"}""";
            if (failure.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
        }
        _requests.Enqueue(new FakeWebhookRequest(context.Request.Method, context.Request.Path, headers, body.ToArray(), status, DateTimeOffset.UtcNow));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await GoDownAsync();
}
