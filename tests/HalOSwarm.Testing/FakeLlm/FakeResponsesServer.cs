using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>
/// The OpenAI Responses API as Codex calls it (<c>POST /v1/responses</c>, <c>stream: true</c>), on
/// 127.0.0.1: each request takes the next scripted reply (<see cref="DefaultReply"/> when the script is
/// empty) and streams it as <c>event:</c>+<c>data:</c> lines in the real order — response.created,
/// response.in_progress, output_item.added, content_part.added, output_text.delta ×N, output_text.done,
/// content_part.done, output_item.done, response.completed with usage. A tool call is a
/// <c>function_call</c> item (<c>exec_command</c> with <c>{"cmd": …}</c> in 0.169); errors are an HTTP
/// status with the OpenAI error body; a usage limit is a 429 with its reset.
/// </summary>
public sealed class FakeResponsesServer : FakeLlmServer
{
    private readonly ConcurrentQueue<ResponsesRequest> _requests = new();
    private int _sequence;

    /// <summary>The <c>/v1</c> URL for a provider's <c>base_url</c>.</summary>
    public string V1Url => new Uri(BaseUrl, "v1").ToString();

    /// <summary>Tokens reported per response: input (cached included), cached, output (reasoning included), reasoning.</summary>
    public (int Input, int Cached, int Output, int Reasoning) Usage { get; set; } = (1000, 100, 50, 5);

    public IReadOnlyCollection<ResponsesRequest> Requests => _requests.ToArray();

    public static Task<FakeResponsesServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(new FakeResponsesServer(), cancellationToken);

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/responses", HandleAsync);
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = "fake-model", @object = "model" } } }));
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var body = doc.RootElement.Clone();
        _requests.Enqueue(new ResponsesRequest(
            body.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "",
            LastUserText(body),
            body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0,
            body));
        var reply = NextReply();
        var ct = context.RequestAborted;
        switch (reply)
        {
            case ErrorReply error:
                context.Response.StatusCode = error.StatusCode;
                await context.Response.WriteAsJsonAsync(new { error = new { message = error.Message, type = "server_error", param = (string?)null, code = (string?)null } }, ct);
                return;
            case UsageLimitReply limit:
                await WriteUsageLimitAsync(context.Response, limit.ResetAt, ct);
                return;
        }
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var n = Interlocked.Increment(ref _sequence);
        var id = $"resp_{n:D4}{Guid.NewGuid():N}"[..24];
        var events = new ResponsesEventWriter(context.Response);
        var shell = new { id, @object = "response", created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), status = "in_progress", model = "fake-model", output = Array.Empty<object>() };
        await events.WriteAsync("response.created", new { type = "response.created", sequence_number = 0, response = shell }, ct);
        await events.WriteAsync("response.in_progress", new { type = "response.in_progress", sequence_number = 1, response = shell }, ct);
        object item = reply switch
        {
            TextReply text => await events.StreamMessageAsync($"msg_{n:D4}", text, ct),
            ToolCallReply tool => await events.FunctionCallAsync($"fc_{n:D4}", $"call_{n:D4}", tool, ct),
            _ => throw new InvalidOperationException($"unsupported reply {reply}"),
        };
        var usage = new
        {
            input_tokens = Usage.Input,
            input_tokens_details = new { cached_tokens = Usage.Cached },
            output_tokens = Usage.Output,
            output_tokens_details = new { reasoning_tokens = Usage.Reasoning },
            total_tokens = Usage.Input + Usage.Output,
        };
        var done = new { id, @object = "response", created_at = shell.created_at, status = "completed", model = "fake-model", output = new[] { item }, usage };
        await events.WriteAsync("response.completed", new { type = "response.completed", sequence_number = events.Sequence, response = done }, ct);
    }

    private static async Task WriteUsageLimitAsync(HttpResponse response, DateTimeOffset resetAt, CancellationToken ct)
    {
        var seconds = Math.Max(0, (long)(resetAt - DateTimeOffset.UtcNow).TotalSeconds);
        var reset = resetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.StatusCode = 429;
        response.Headers["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-codex-primary-used-percent"] = "100";
        response.Headers["x-codex-primary-window-minutes"] = "300";
        response.Headers["x-codex-primary-reset-at"] = reset;
        response.Headers["x-codex-primary-reset-after-seconds"] = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-limit-requests"] = "500";
        response.Headers["x-ratelimit-remaining-requests"] = "0";
        response.Headers["x-ratelimit-reset-requests"] = $"{seconds}s";
        await response.WriteAsJsonAsync(new
        {
            error = new
            {
                type = "usage_limit_reached",
                message = "The usage limit has been reached",
                plan_type = "plus",
                resets_at = resetAt.ToUnixTimeSeconds(),
                resets_in_seconds = seconds,
            },
        }, ct);
    }

    private static string LastUserText(JsonElement body)
    {
        if (!body.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Array)
        {
            return "";
        }
        var last = "";
        foreach (var item in input.EnumerateArray())
        {
            if (item.TryGetProperty("role", out var role) && role.GetString() == "user" && item.TryGetProperty("content", out var content)
                && content.ValueKind == JsonValueKind.Array)
            {
                last = string.Concat(content.EnumerateArray()
                    .Where(c => c.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    .Select(c => c.GetProperty("text").GetString()));
            }
        }
        return last;
    }
}
