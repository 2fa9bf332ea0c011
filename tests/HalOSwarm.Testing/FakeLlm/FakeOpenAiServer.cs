using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 that streams scripted replies in the exact
/// shape of the real service (SSE chunks, a usage chunk, <c>[DONE]</c>). Turns of the conversation take
/// the next scripted reply, or <see cref="DefaultReply"/> when the script is empty; side requests
/// (titles, summaries; they carry no tools) get a short text.
/// </summary>
public sealed class FakeOpenAiServer : FakeLlmServer
{
    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    /// <summary>The <c>/v1</c> URL to put in a client's config.</summary>
    public string V1Url => new Uri(BaseUrl, "v1").ToString();

    /// <summary>Tokens reported per request: prompt, completion, cached.</summary>
    public (int Prompt, int Completion, int Cached) Usage { get; set; } = (1200, 80, 200);

    public IReadOnlyCollection<ChatRequest> Requests => _requests.ToArray();

    public IEnumerable<ChatRequest> Turns => _requests.Where(r => !r.IsAuxiliary);

    private int _finishedTurns;

    private int _streamedPieces;

    /// <summary>Text pieces of scripted replies written so far (to act in the middle of a reply).</summary>
    public int StreamedPieces => Volatile.Read(ref _streamedPieces);

    /// <summary>Turns (not side requests) whose reply was streamed to the end.</summary>
    public int FinishedTurns => Volatile.Read(ref _finishedTurns);

    public static Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(new FakeOpenAiServer(), cancellationToken);

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/chat/completions", HandleAsync);
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = "fake-model", @object = "model" } } }));
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = Parse(doc.RootElement.Clone());
        _requests.Enqueue(request);
        FakeReply reply = request.IsAuxiliary
            ? FakeReply.Text("Fake session title")
            : NextReply();

        if (reply is ErrorReply error)
        {
            context.Response.StatusCode = error.StatusCode;
            await context.Response.WriteAsJsonAsync(
                new { error = new { message = error.Message, type = "server_error", code = error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var stream = new ChunkWriter(context.Response, request.Model);
        await stream.WriteAsync(new { role = "assistant", content = "" }, null, context.RequestAborted);
        if (reply is TextReply text)
        {
            foreach (var piece in Split(text.Content, text.Chunks))
            {
                if (text.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(text.Delay, context.RequestAborted);
                }
                await stream.WriteAsync(new { content = piece }, null, context.RequestAborted);
                Interlocked.Increment(ref _streamedPieces);
            }
            await stream.WriteAsync(new { }, "stop", context.RequestAborted);
        }
        else if (reply is ToolCallReply tool)
        {
            var call = new
            {
                index = 0,
                id = "call_" + Guid.NewGuid().ToString("N")[..12],
                type = "function",
                function = new { name = tool.Name, arguments = tool.ArgumentsJson },
            };
            await stream.WriteAsync(new { tool_calls = new[] { call } }, null, context.RequestAborted);
            await stream.WriteAsync(new { }, "tool_calls", context.RequestAborted);
        }
        await stream.WriteUsageAsync(Usage.Prompt, Usage.Completion, Usage.Cached, context.RequestAborted);
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        if (!request.IsAuxiliary)
        {
            Interlocked.Increment(ref _finishedTurns);
        }
    }

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
        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
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
