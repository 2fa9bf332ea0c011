using System.Text.Json;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>Reads and waits on stored commands, the audit log and the fake LLM's turns, for the intervention tests.</summary>
internal static class CommandProbes
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    /// <summary>What halctl's requests are audited as.</summary>
    public static string CliActor => $"api:admin/cli:{Environment.UserName}";

    /// <summary>The stored Command halctl printed with <c>--format json</c>; fails with its output when it did not succeed.</summary>
    public static JsonElement Command(CtlResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.StdOut).RootElement.Clone();
    }

    /// <summary>Starts a session with <paramref name="prompt"/> through halctl; returns it once the first turn is over.</summary>
    public static async Task<string> StartIdleSessionAsync(HalCluster cluster, string prompt)
    {
        var start = Command(await cluster.CtlAsync("--format", "json", "start", HalCluster.ProjectName, "--prompt", prompt, "--wait", "90"));
        Assert.Equal("succeeded", start.Str("state"));
        var sessionId = start.GetProperty("result").Str("session_id");
        await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, Wait, "first turn idle");
        return sessionId;
    }

    public static int TurnsWith(HalCluster cluster, string text) => cluster.Llm.Turns.Count(t => t.LastUserText == text);

    public static Task WaitForTurnAsync(HalCluster cluster, string text) =>
        cluster.WaitAsync(() => Task.FromResult(TurnsWith(cluster, text) > 0), Wait, $"a turn '{text}' at the LLM");

    public static Task<JsonElement> WaitForStateAsync(HalCluster cluster, string commandId, string state) =>
        cluster.WaitForAsync<JsonElement>(async () =>
        {
            var command = await cluster.GetDataAsync($"api/v1/commands/{commandId}");
            return command.Str("state") == state ? command : null;
        }, Wait, $"command {commandId} {state}");

    /// <summary>Waits for the audit entry of <paramref name="command"/> with its final result; checks its action and actor.</summary>
    public static async Task<JsonElement> WaitForAuditAsync(HalCluster cluster, JsonElement command, string actor)
    {
        var commandId = command.Str("command_id");
        var entry = await cluster.WaitForAsync<JsonElement>(async () =>
        {
            var entries = await cluster.GetDataAsync("api/v1/audit?limit=1000");
            var found = entries.EnumerateArray().FirstOrDefault(e =>
                e.TryGetProperty("command_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == commandId);
            return found.ValueKind == JsonValueKind.Object && found.Str("result") == command.Str("state") ? found : null;
        }, Wait, $"audit entry of {command.Str("type")} {commandId} with result {command.Str("state")}");
        Assert.Equal("command." + command.Str("type"), entry.Str("action"));
        Assert.Equal(actor, entry.Str("actor"));
        return entry;
    }

    /// <summary>role: text of the session's finished messages, in the order they were stored.</summary>
    public static async Task<List<string>> MessagesAsync(HalCluster cluster, string sessionId) =>
        (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Select(e => $"{e.Data().Str("role")}: {e.Data().Str("text")}")
            .ToList();
}
