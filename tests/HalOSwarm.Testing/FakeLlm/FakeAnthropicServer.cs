using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>
/// The Anthropic Messages API as Claude Code calls it (<c>HEAD /</c>, <c>POST /v1/messages?beta=true</c>)
/// on 127.0.0.1, streaming scripted replies in the service's exact shape: message_start →
/// content_block_start (text or tool_use) → ping → content_block_delta (text_delta / input_json_delta) →
/// content_block_stop → message_delta (stop_reason, usage) → message_stop. Errors come as the service's
/// error JSON with its status; a rate limit as 429 with <c>retry-after</c> and the
/// <c>anthropic-ratelimit-*</c> headers. Requests without tools (the program's own side requests) get
/// a short text without taking a scripted reply.
/// </summary>
public sealed class FakeAnthropicServer : FakeLlmServer
{
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private int _messages;

    /// <summary>Tokens reported per response: input, output, cache read.</summary>
    public (int Input, int Output, int CacheRead) Usage { get; set; } = (1200, 80, 200);

    public IReadOnlyCollection<ChatRequest> Requests => _requests.ToArray();

    /// <summary>The requests that were turns of a conversation (they carry tools).</summary>
    public IEnumerable<ChatRequest> Turns => _requests.Where(r => !r.IsAuxiliary);

    public static Task<FakeAnthropicServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(new FakeAnthropicServer(), cancellationToken);

    /// <summary>Anthropic's 401: <c>{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}</c>.</summary>
    protected override Task WriteUnauthorizedAsync(HttpResponse response, string? presented, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        return response.WriteAsJsonAsync(new { type = "error", error = new { type = "authentication_error", message = "invalid x-api-key" } }, cancellationToken);
    }

    protected override void Map(WebApplication app)
    {
        app.MapMethods("/", ["HEAD", "GET"], () => Results.Ok());
        app.MapPost("/v1/messages", HandleAsync);
        app.MapPost("/v1/messages/count_tokens", () => Results.Json(new { input_tokens = 1200 }));
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = Parse(doc.RootElement.Clone());
        _requests.Enqueue(request);
        var reply = request.IsAuxiliary ? FakeReply.Text("Fake title") : NextReply();
        var cancel = context.RequestAborted;
        switch (reply)
        {
            case ErrorReply error:
                context.Response.StatusCode = error.StatusCode;
                await context.Response.WriteAsJsonAsync(new { type = "error", error = new { type = ErrorType(error.StatusCode), message = error.Message } }, cancel);
                return;
            case RateLimitReply limit:
                var reset = limit.ResetAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers["retry-after"] = ((int)Math.Ceiling(limit.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["anthropic-ratelimit-requests-limit"] = "50";
                context.Response.Headers["anthropic-ratelimit-requests-remaining"] = "0";
                context.Response.Headers["anthropic-ratelimit-requests-reset"] = reset;
                context.Response.Headers["anthropic-ratelimit-tokens-reset"] = reset;
                context.Response.Headers["anthropic-ratelimit-input-tokens-reset"] = reset;
                context.Response.Headers["anthropic-ratelimit-output-tokens-reset"] = reset;
                await context.Response.WriteAsJsonAsync(new
                {
                    type = "error",
                    error = new { type = "rate_limit_error", message = "This request would exceed the rate limit for your organization. Please try again later." },
                }, cancel);
                return;
        }
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var sse = new SseEventWriter(context.Response);
        var id = $"msg_{Interlocked.Increment(ref _messages):D4}{Guid.NewGuid():N}"[..28];
        await sse.WriteAsync("message_start", new
        {
            type = "message_start",
            message = new
            {
                id,
                type = "message",
                role = "assistant",
                model = request.Model,
                content = Array.Empty<object>(),
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = new { input_tokens = Usage.Input, cache_creation_input_tokens = 0, cache_read_input_tokens = Usage.CacheRead, output_tokens = 1 },
            },
        }, cancel);
        string stop;
        if (reply is ToolCallReply tool)
        {
            var block = new { type = "tool_use", id = "toolu_" + Guid.NewGuid().ToString("N")[..20], name = tool.Name, input = new { } };
            await sse.WriteAsync("content_block_start", new { type = "content_block_start", index = 0, content_block = block }, cancel);
            await sse.WriteAsync("ping", new { type = "ping" }, cancel);
            await sse.WriteAsync("content_block_delta",
                new { type = "content_block_delta", index = 0, delta = new { type = "input_json_delta", partial_json = tool.ArgumentsJson } }, cancel);
            stop = "tool_use";
        }
        else
        {
            var text = reply as TextReply ?? new TextReply("", 1, TimeSpan.Zero);
            await sse.WriteAsync("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } }, cancel);
            await sse.WriteAsync("ping", new { type = "ping" }, cancel);
            foreach (var piece in Split(text.Content, text.Chunks))
            {
                if (text.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(text.Delay, cancel);
                }
                await sse.WriteAsync("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = piece } }, cancel);
            }
            stop = "end_turn";
        }
        await sse.WriteAsync("content_block_stop", new { type = "content_block_stop", index = 0 }, cancel);
        await sse.WriteAsync("message_delta", new
        {
            type = "message_delta",
            delta = new { stop_reason = stop, stop_sequence = (string?)null },
            usage = new { output_tokens = Usage.Output },
        }, cancel);
        await sse.WriteAsync("message_stop", new { type = "message_stop" }, cancel);
    }

    private static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    };

    private static ChatRequest Parse(JsonElement body)
    {
        var messages = new List<ChatMessage>();
        if (body.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in list.EnumerateArray())
            {
                var role = m.TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
                messages.Add(new ChatMessage(role, ContentText(m)));
            }
        }
        var model = body.TryGetProperty("model", out var mo) ? mo.GetString() ?? "" : "";
        var hasTools = body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0;
        return new ChatRequest(model, messages, hasTools, body);
    }

    /// <summary>The text blocks of a message, tool results included (they are what a tool printed).</summary>
    private static string ContentText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? "";
        }
        var text = new StringBuilder();
        foreach (var block in content.ValueKind == JsonValueKind.Array ? content.EnumerateArray() : default)
        {
            if (block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }
        return text.ToString();
    }

    private static IEnumerable<string> Split(string text, int chunks)
    {
        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)chunks));
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
