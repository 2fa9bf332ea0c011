using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>Writes the <c>event:</c>/<c>data:</c> pairs of a streamed Anthropic Messages response.</summary>
internal sealed class SseEventWriter(HttpResponse response)
{
    public async Task WriteAsync(string type, object data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {type}\ndata: {JsonSerializer.Serialize(data)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
