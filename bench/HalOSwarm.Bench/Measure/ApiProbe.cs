using System.Text.Json;

namespace HalOSwarm.Bench.Measure;

/// <summary>Reads the API's view of nodes: which of the bench's nodes are online, their durable_seq and the supervisor holding each (null on SQLite).</summary>
internal static class ApiProbe
{
    public static async Task<Dictionary<string, (string Status, long DurableSeq, string? SupervisorId)>> NodesAsync(HttpClient http, string nodePrefix, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/v1/nodes", cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var nodes = new Dictionary<string, (string, long, string?)>(StringComparer.Ordinal);
        foreach (var node in document.RootElement.GetProperty("data").EnumerateArray())
        {
            var id = node.GetProperty("node_id").GetString() ?? "";
            if (id.StartsWith(nodePrefix, StringComparison.Ordinal))
            {
                var durable = node.TryGetProperty("durable_seq", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt64() : 0;
                var holder = node.TryGetProperty("supervisor_id", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                nodes[id] = (node.GetProperty("status").GetString() ?? "", durable, holder);
            }
        }
        return nodes;
    }
}
