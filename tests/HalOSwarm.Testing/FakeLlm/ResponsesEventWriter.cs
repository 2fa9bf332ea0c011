using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>Writes Responses API stream events (<c>event: NAME</c>, <c>data: JSON</c>) and the output items of a reply.</summary>
internal sealed class ResponsesEventWriter(HttpResponse response)
{
    public int Sequence { get; private set; } = 2;

    public async Task WriteAsync(string name, object data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private int Next() => Sequence++;

    public async Task<object> StreamMessageAsync(string itemId, TextReply text, CancellationToken ct)
    {
        await WriteAsync("response.output_item.added", new
        {
            type = "response.output_item.added", sequence_number = Next(), output_index = 0,
            item = new { id = itemId, type = "message", status = "in_progress", role = "assistant", content = Array.Empty<object>() },
        }, ct);
        await WriteAsync("response.content_part.added", new
        {
            type = "response.content_part.added", sequence_number = Next(), item_id = itemId, output_index = 0, content_index = 0,
            part = new { type = "output_text", text = "", annotations = Array.Empty<object>() },
        }, ct);
        foreach (var piece in Split(text.Content, text.Chunks))
        {
            if (text.Delay > TimeSpan.Zero)
            {
                await Task.Delay(text.Delay, ct);
            }
            await WriteAsync("response.output_text.delta", new
            {
                type = "response.output_text.delta", sequence_number = Next(), item_id = itemId, output_index = 0, content_index = 0, delta = piece,
            }, ct);
        }
        await WriteAsync("response.output_text.done", new
        {
            type = "response.output_text.done", sequence_number = Next(), item_id = itemId, output_index = 0, content_index = 0, text = text.Content,
        }, ct);
        var part = new { type = "output_text", text = text.Content, annotations = Array.Empty<object>() };
        await WriteAsync("response.content_part.done", new
        {
            type = "response.content_part.done", sequence_number = Next(), item_id = itemId, output_index = 0, content_index = 0, part,
        }, ct);
        var item = new { id = itemId, type = "message", status = "completed", role = "assistant", content = new[] { part } };
        await WriteAsync("response.output_item.done", new { type = "response.output_item.done", sequence_number = Next(), output_index = 0, item }, ct);
        return item;
    }

    public async Task<object> FunctionCallAsync(string itemId, string callId, ToolCallReply tool, CancellationToken ct)
    {
        var added = new { id = itemId, type = "function_call", status = "in_progress", call_id = callId, name = tool.Name, arguments = "" };
        await WriteAsync("response.output_item.added", new { type = "response.output_item.added", sequence_number = Next(), output_index = 0, item = added }, ct);
        await WriteAsync("response.function_call_arguments.delta", new
        {
            type = "response.function_call_arguments.delta", sequence_number = Next(), item_id = itemId, output_index = 0, delta = tool.ArgumentsJson,
        }, ct);
        await WriteAsync("response.function_call_arguments.done", new
        {
            type = "response.function_call_arguments.done", sequence_number = Next(), item_id = itemId, output_index = 0, arguments = tool.ArgumentsJson,
        }, ct);
        var item = new { id = itemId, type = "function_call", status = "completed", call_id = callId, name = tool.Name, arguments = tool.ArgumentsJson };
        await WriteAsync("response.output_item.done", new { type = "response.output_item.done", sequence_number = Next(), output_index = 0, item }, ct);
        return item;
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
