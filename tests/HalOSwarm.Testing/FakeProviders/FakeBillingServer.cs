using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeProviders;

/// <summary>
/// What both fake billing APIs share: Kestrel on 127.0.0.1 with a free port, the key they accept, a "down" switch
/// (every request answered 503), scripted failures taken one per request (a 429 with Retry-After), a page size, and
/// every request recorded. Each provider checks its own headers and writes its own shapes.
/// </summary>
public abstract class FakeBillingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeBillingFailure> _failures = new();
    private readonly ConcurrentQueue<FakeBillingRequest> _requests = new();
    private WebApplication? _app;

    protected FakeBillingServer(string apiKey) => ApiKey = apiKey;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The only key accepted; any other is answered 401 (set another to revoke the one in use).</summary>
    public string ApiKey { get; set; }

    /// <summary>While true, every request is answered 503 (the provider is down).</summary>
    public bool Down { get; set; }

    /// <summary>Most buckets on one page (fewer when the request's <c>limit</c> asks), so tests see several pages.</summary>
    public int PageSize { get; set; } = 7;

    public IReadOnlyList<FakeBillingRequest> Requests => [.. _requests];

    public int RequestCount(string path) => _requests.Count(r => r.Path == path);

    public void FailNext(params FakeBillingFailure[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <summary>Maps the provider's routes; each handler starts with <see cref="AdmitAsync"/>.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Null when the request's credentials are right, else the provider's answer (status and error JSON).</summary>
    protected abstract (int Status, string Json)? CheckCredentials(HttpRequest request);

    /// <summary>The provider's error body for <paramref name="status"/>.</summary>
    protected abstract string ErrorJson(int status, string message);

    /// <summary>
    /// Records the request and answers it when the server is down, a failure is scripted or the credentials are wrong;
    /// returns false then (the handler stops).
    /// </summary>
    protected async Task<bool> AdmitAsync(HttpContext context)
    {
        var request = context.Request;
        (int Status, string Json, int? RetryAfter)? refusal = null;
        if (Down)
        {
            refusal = (503, ErrorJson(503, "service unavailable"), null);
        }
        else if (_failures.TryDequeue(out var failure))
        {
            refusal = (failure.Status, ErrorJson(failure.Status, failure.Status == 429 ? "rate limited" : "scripted failure"), failure.RetryAfterSeconds);
        }
        else if (CheckCredentials(request) is { } denied)
        {
            refusal = (denied.Status, denied.Json, null);
        }
        _requests.Enqueue(new FakeBillingRequest(request.Path, request.QueryString.Value ?? "", refusal?.Status ?? 200, DateTimeOffset.UtcNow));
        if (refusal is not { } r)
        {
            return true;
        }
        if (r.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        await WriteJsonAsync(context, r.Status, r.Json);
        return false;
    }

    protected static Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>An opaque page token for the bucket starting at <paramref name="start"/>, in the style of the providers' tokens.</summary>
    protected static string PageToken(DateTimeOffset start) =>
        "page_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

    protected static DateTimeOffset? ParsePageToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token["page_".Length..]));
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The daily buckets of one page: from <paramref name="start"/> (snapped to its UTC day) or the page token's bucket,
    /// before <paramref name="end"/>, at most <paramref name="limit"/> and <see cref="PageSize"/>; the token of the next
    /// page, or null. False for a token this server did not give.
    /// </summary>
    protected bool TryPage(DateTimeOffset start, DateTimeOffset end, int limit, string? page, out List<DateTimeOffset> days, out string? next)
    {
        days = [];
        next = null;
        var first = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
        if (page is not null)
        {
            if (ParsePageToken(page) is not { } resumed)
            {
                return false;
            }
            first = resumed;
        }
        var size = Math.Min(limit, PageSize);
        for (var day = first; day < end; day = day.AddDays(1))
        {
            if (days.Count == size)
            {
                next = PageToken(day);
                break;
            }
            days.Add(day);
        }
        return true;
    }

    protected static async Task<TServer> StartAsync<TServer>(TServer server, CancellationToken cancellationToken) where TServer : FakeBillingServer
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
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
