using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Supervisor.Api;

/// <summary>Reads an optional JSON body; an empty body is <paramref name="empty"/>, invalid JSON an error in words.</summary>
internal static class RequestBody
{
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, T empty, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return (empty, null);
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
            return (value ?? empty, null);
        }
        catch (JsonException ex)
        {
            return (default, $"the body is not valid JSON for this request: {ex.Message}");
        }
    }
}
