using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeProviders;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

/// <summary>Both fake billing APIs, and the <c>cost</c> section that points a supervisor at them.</summary>
internal sealed class ProviderFakes : IAsyncDisposable
{
    public const string AnthropicKey = "sk-ant-admin01-fake-key-0123456789abcdef";
    public const string OpenAIKey = "sk-admin-fake-key-0123456789abcdef";

    private ProviderFakes(FakeAnthropicAdminServer anthropic, FakeOpenAIAdminServer openAI)
    {
        Anthropic = anthropic;
        OpenAI = openAI;
    }

    public FakeAnthropicAdminServer Anthropic { get; }

    public FakeOpenAIAdminServer OpenAI { get; }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<ProviderFakes> StartAsync() =>
        new(await FakeAnthropicAdminServer.StartAsync(AnthropicKey), await FakeOpenAIAdminServer.StartAsync(OpenAIKey));

    /// <summary>The <c>cost</c> section: both providers at the fakes, quick retries; <paramref name="edit"/> changes it further.</summary>
    public Action<JsonObject> Configure(Action<JsonObject>? edit = null) => config =>
    {
        var cost = new JsonObject
        {
            ["poll_interval_minutes"] = 60,
            ["providers"] = new JsonObject
            {
                ["anthropic"] = new JsonObject
                {
                    ["admin_api_key"] = AnthropicKey,
                    ["base_url"] = Anthropic.BaseUrl.ToString(),
                    ["workspaces"] = new JsonObject { ["wrkspc_web"] = "web", ["default"] = "ops" },
                },
                ["openai"] = new JsonObject
                {
                    ["org_api_key"] = OpenAIKey,
                    ["base_url"] = OpenAI.BaseUrl.ToString(),
                    ["projects"] = new JsonObject { ["proj_api"] = "api" },
                },
                ["max_retries"] = 2,
                ["retry_delay_ms"] = 20,
            },
        };
        edit?.Invoke(cost);
        config["cost"] = cost;
    };

    /// <summary><c>POST /api/v1/cost/poll</c>: each provider's status after the poll, by provider.</summary>
    public static async Task<Dictionary<string, JsonElement>> PollAsync(SupervisorHost host)
    {
        using var response = await host.Api.PostAsync("/api/v1/cost/poll", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/cost/poll -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").EnumerateArray()
            .ToDictionary(p => p.GetProperty("provider").GetString()!, p => p.Clone(), StringComparer.Ordinal);
    }

    public static void AssertState(string expected, Dictionary<string, JsonElement> statuses, string provider) =>
        Assert.True(statuses[provider].GetProperty("state").GetString() == expected, $"{provider} is not {expected}: {statuses[provider]}");

    /// <summary>Rows of <paramref name="sql"/> from the supervisor's database, each row's columns joined by '|'.</summary>
    public static async Task<List<string>> RowsAsync(SupervisorHost host, string sql)
    {
        await using var connection = await host.OpenDatabaseAsync();
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        using var reader = await query.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Anthropic.DisposeAsync();
        await OpenAI.DisposeAsync();
    }
}
