using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Search;

/// <summary>The event shapes the agents send for a session's transcript, and search calls that wait for the indexer.</summary>
internal static class SearchFixture
{
    public static AgentEvent Created(long seq, string sessionId, string project, string title = "a session", DateTimeOffset? ts = null) =>
        At(seq, EventTypes.SessionCreated, sessionId, $$"""{"project":"{{project}}","runtime":"opencode","directory":"/work/{{project}}","title":"{{title}}","model":"m"}""", ts);

    public static AgentEvent Message(long seq, string sessionId, string text, string role = "assistant", DateTimeOffset? ts = null) =>
        At(seq, EventTypes.MessageCompleted, sessionId, JsonSerializer.Serialize(new { message_id = $"msg_{seq}", role, text }), ts);

    public static AgentEvent Delta(long seq, string sessionId, string text, DateTimeOffset? ts = null) =>
        At(seq, EventTypes.MessageDelta, sessionId, JsonSerializer.Serialize(new { message_id = $"msg_{seq}", part_id = "prt_1", text }), ts);

    public static AgentEvent Tool(long seq, string sessionId, string tool, string command, string output) =>
        At(seq, EventTypes.ToolFinished, sessionId, JsonSerializer.Serialize(new
        {
            call_id = $"call_{seq}", tool, message_id = "msg_x", status = "completed", title = command, output, error = (string?)null,
        }));

    public static AgentEvent ToolStarted(long seq, string sessionId, string tool, string command) =>
        At(seq, EventTypes.ToolStarted, sessionId, JsonSerializer.Serialize(new { call_id = $"call_{seq}", tool, message_id = "msg_x", input = new { command } }));

    private static AgentEvent At(long seq, string type, string sessionId, string data, DateTimeOffset? ts) =>
        new(seq, type, sessionId, ts ?? Ev.T0.AddSeconds(seq), JsonDocument.Parse(data).RootElement.Clone());

    private static AgentEvent At(long seq, string type, string sessionId, string data) => At(seq, type, sessionId, data, null);

    /// <summary>GET /api/v1/search with <paramref name="query"/> (already URL-encoded parameters after '?').</summary>
    public static async Task<(int Status, JsonElement Body)> SearchAsync(SupervisorHost host, string query) =>
        await host.GetAsync("/api/v1/search?" + query);

    /// <summary>The hits for <paramref name="q"/>, once there are at least <paramref name="count"/> (the index follows the log).</summary>
    public static async Task<JsonElement[]> WaitForHitsAsync(SupervisorHost host, string q, int count = 1, string extra = "")
    {
        JsonElement[] hits = [];
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            var (status, body) = await SearchAsync(host, "q=" + Uri.EscapeDataString(q) + extra);
            Assert.True(status == 200, $"search '{q}': {status} {body}");
            hits = [.. body.GetProperty("data").EnumerateArray()];
            return hits.Length >= count;
        }, $"{count} hit(s) for '{q}'");
        return hits;
    }

    public static async Task<JsonElement[]> HitsAsync(SupervisorHost host, string query)
    {
        var (status, body) = await SearchAsync(host, query);
        Assert.True(status == 200, $"search {query}: {status} {body}");
        return [.. body.GetProperty("data").EnumerateArray()];
    }
}
