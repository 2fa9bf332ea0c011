using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

/// <summary>Supervisors with short command timings, and request helpers for the command API.</summary>
internal static class CommandHosts
{
    public static Task<SupervisorHost> StartAsync(JsonObject? commands = null) =>
        SupervisorHost.StartAsync(c => c["commands"] = commands ?? new JsonObject { ["retry_backoff_ms"] = 50 });

    public static async Task<(int Status, JsonElement Body)> PostAsync(this SupervisorHost host, string path, object body, string? actor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (actor is not null)
        {
            request.Headers.Add("X-Hal-Actor", actor);
        }
        using var response = await host.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The command in a response: <c>data</c> on success or 202, <c>details.command</c> on errors.</summary>
    public static JsonElement Command(this JsonElement body) =>
        body.TryGetProperty("data", out var data) ? data : body.GetProperty("details").GetProperty("command");

    public static async Task<JsonElement> WaitForStateAsync(this SupervisorHost host, string commandId, string state, int timeoutMs = 10_000)
    {
        JsonElement command = default;
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            command = await host.GetDataAsync($"/api/v1/commands/{commandId}");
            return command.GetProperty("state").GetString() == state;
        }, $"command {commandId} to be {state}", timeoutMs);
        return command;
    }
}
