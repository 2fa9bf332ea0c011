using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>Writes <c>chat.completion.chunk</c> SSE lines as the real service does.</summary>
internal sealed class ChunkWriter(HttpResponse response, string model)
{
    private readonly string _id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..16];
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Task WriteAsync(object delta, string? finishReason, CancellationToken cancellationToken) =>
        WriteLineAsync(new
        {
            id = _id,
            @object = "chat.completion.chunk",
            created = _created,
            model,
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        }, cancellationToken);

    public Task WriteUsageAsync(int prompt, int completion, int cached, CancellationToken cancellationToken) =>
        WriteLineAsync(new
        {
            id = _id,
            @object = "chat.completion.chunk",
            created = _created,
            model,
            choices = Array.Empty<object>(),
            usage = new
            {
                prompt_tokens = prompt,
                completion_tokens = completion,
                total_tokens = prompt + completion,
                prompt_tokens_details = new { cached_tokens = cached },
            },
        }, cancellationToken);

    private async Task WriteLineAsync(object chunk, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
