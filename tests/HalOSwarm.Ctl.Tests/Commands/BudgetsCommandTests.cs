using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class BudgetsCommandTests
{
    private static JsonObject Budget(string name, decimal? limitUsd = 10m, long? limitTokens = null, string state = "paused") => new()
    {
        ["name"] = name,
        ["scope"] = "project:alpha",
        ["window"] = "daily",
        ["limit_usd"] = limitUsd,
        ["limit_tokens"] = limitTokens,
        ["thresholds"] = new JsonArray(50, 75, 90, 100),
        ["action"] = "pause",
        ["source"] = "api",
        ["updated_at"] = "2025-06-01T10:00:00Z",
        ["updated_by"] = "api:admin/cli:root",
        ["window_start"] = "2025-06-01T00:00:00+00:00",
        ["resets_at"] = "2025-06-02T00:00:00+00:00",
        ["spend_usd"] = 12.5m,
        ["spend_tokens"] = 1500,
        ["percent"] = 125m,
        ["thresholds_reached"] = new JsonArray(50, 75, 90, 100),
        ["state"] = state,
        ["reason"] = "budget 'x' reached",
        ["lifted_at"] = null,
        ["lifted_by"] = null,
        ["forecast"] = new JsonObject { ["rate_per_hour"] = 2.5m, ["crossing_at"] = null, ["within_horizon"] = false },
    };

    [Fact]
    public async Task List_Budgets_TableShowsLimitSpendStateAndReset()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Budget("alpha-day"),
            Budget("tokens", null, 5000, "ok")))));

        var run = await CliRun.RunAsync(["budgets", "list"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/budgets", stub.Requests[0].RequestUri!.AbsolutePath);
        foreach (var text in new[] { "alpha-day", "project:alpha", "$10.00", "$12.50", "125", "paused", "2025-06-02 00:00:00Z", "5k tokens", "1.5k tokens" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_Json_PrintsTheApiDataAsItCame()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Budget("alpha-day")))));

        var run = await CliRun.RunAsync(["budgets", "list", "--format", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.True(JsonNode.DeepEquals(new JsonArray(Budget("alpha-day")), JsonNode.Parse(run.Out)));
    }

    [Fact]
    public async Task Set_AllOptions_PutsTheBudgetUnderItsEscapedName()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(Budget("alpha.day"))));

        var run = await CliRun.RunAsync(["budgets", "set", "alpha.day", "--scope", "project:alpha", "--window", "weekly", "--limit-usd", "10.5",
            "--thresholds", "50, 80", "--action", "kill"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((HttpMethod.Put, "/api/v1/budgets/alpha.day"), (stub.Requests[0].Method, stub.Requests[0].RequestUri!.AbsolutePath));
        Assert.Equal("""{"scope":"project:alpha","window":"weekly","limit_usd":10.5,"thresholds":[50,80],"action":"kill"}""", stub.Bodies[0]);
        Assert.Contains("set budget alpha.day", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit-usd", "1", "--limit-tokens", "5")]
    [InlineData("--thresholds", "50,lots", "--limit-usd", "1")]
    public async Task Set_BadLimitsOrThresholds_Exit1NoRequest(string option1, string value1, string option2, string value2)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(null)));

        var run = await CliRun.RunAsync(["budgets", "set", "x", option1, value1, option2, value2], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(stub.Requests);
        Assert.StartsWith("halctl: error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_UnknownAction_ParseErrorExit2()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(null)));

        var run = await CliRun.RunAsync(["budgets", "set", "x", "--limit-usd", "1", "--action", "explode"], () => stub);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task DeleteAndLift_SendTheirRequestsAndSayWhatHappened()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK,
            ApiJson.Envelope(Budget("alpha-day", state: request.Method == HttpMethod.Post ? "lifted" : "paused"))));

        var lift = await CliRun.RunAsync(["budgets", "lift", "alpha-day"], () => stub);
        var delete = await CliRun.RunAsync(["budgets", "delete", "alpha-day"], () => stub);

        Assert.Equal((0, 0), (lift.ExitCode, delete.ExitCode));
        Assert.Equal((HttpMethod.Post, "/api/v1/budgets/alpha-day/lift"), (stub.Requests[0].Method, stub.Requests[0].RequestUri!.AbsolutePath));
        Assert.Equal((HttpMethod.Delete, "/api/v1/budgets/alpha-day"), (stub.Requests[1].Method, stub.Requests[1].RequestUri!.AbsolutePath));
        Assert.Contains("lifted budget alpha-day until 2025-06-02 00:00:00Z", lift.Out, StringComparison.Ordinal);
        Assert.Contains("deleted budget alpha-day", delete.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lift_NotEnforcing_ApiErrorOnOneLineExit1()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Conflict, ApiJson.Error("budget 'x' is ok: there is nothing to lift", "conflict")));

        var run = await CliRun.RunAsync(["budgets", "lift", "x"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("budget 'x' is ok: there is nothing to lift (conflict)", run.Error, StringComparison.Ordinal);
    }
}
