using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>Usage events an agent sends, booked to the ledger by the running supervisor.</summary>
public sealed class CostLedgerProjectionTests
{
    [Fact]
    public async Task Usage_ReportedCosts_BookedOncePerSessionProviderModelAndHour()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "opencode")),
            Ev.Make(2, EventTypes.Usage, "ses_1", LedgerRows.Usage("m1", "anthropic", "claude-x", 1000, 100, 0.0123456789m, reasoning: 7, cacheRead: 50, cacheWrite: 20)),
            Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "anthropic", "claude-x", 2000, 200, 0.1m)),
            Ev.Make(4, EventTypes.Usage, "ses_1", LedgerRows.Usage("m3", "openai", "gpt-y", 10, 1, 0.5m)));
        await agent.WaitForAckAsync(4);

        var rows = await LedgerRows.ReadAsync(host);
        Assert.Equal(2, rows.Count);
        var claude = rows.Single(r => (string)r["model"]! == "claude-x");
        Assert.Equal("2026-11-25T12:00:00Z", claude["hour_utc"]);
        Assert.Equal("2026-11-25", claude["day_local"]);
        Assert.Equal(("node-a", "alpha", "opencode", "anthropic", "anthropic"),
            ((string)claude["node_id"]!, (string)claude["project"]!, (string)claude["runtime"]!, (string)claude["provider"]!, (string)claude["account"]!));
        Assert.Equal(2L, claude["messages"]);
        Assert.Equal(0L, claude["priced_messages"]);
        Assert.Equal(0L, claude["equivalent"]);
        Assert.Equal((3000L, 300L, 7L, 50L, 20L), ((long)claude["input_tokens"]!, (long)claude["output_tokens"]!, (long)claude["reasoning_tokens"]!,
            (long)claude["cache_read_tokens"]!, (long)claude["cache_write_tokens"]!));
        Assert.Equal(112_345_679L, claude["cost_nanos"]); // 0.0123456789 + 0.1 USD, to the nano (rounded half to even)
        var gpt = rows.Single(r => (string)r["model"]! == "gpt-y");
        Assert.Equal(("openai", 500_000_000L), ((string)gpt["account"]!, (long)gpt["cost_nanos"]!));
    }

    [Fact]
    public async Task Usage_DuplicateFrameAndReplayAfterReconnect_BooksNothingTwice()
    {
        await using var host = await SupervisorHost.StartAsync();
        var events = new[]
        {
            Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "opencode")),
            Ev.Make(2, EventTypes.Usage, "ses_1", LedgerRows.Usage("m1", "anthropic", "claude-x", 100, 10, 0.25m)),
            Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "anthropic", "claude-x", 100, 10, 0.25m)),
        };
        await using (var agent = await TestAgent.ConnectAsync(host, "node-a"))
        {
            await agent.SendEventsAsync(events);
            await agent.WaitForAckAsync(3);
            // The same frame again (a retry after a lost ack), then a new event behind it: only the new one is booked.
            await agent.SendEventsAsync(events);
            await agent.SendEventsAsync(Ev.Make(4, EventTypes.Usage, "ses_1", LedgerRows.Usage("m3", "anthropic", "claude-x", 100, 10, 0.25m)));
            await agent.WaitForAckAsync(4);
        }
        // A restarted agent replays its whole outbox.
        await using (var again = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_1")], outboxFirst: 1, outboxLast: 4))
        {
            await again.SendEventsAsync([.. events, Ev.Make(4, EventTypes.Usage, "ses_1", LedgerRows.Usage("m3", "anthropic", "claude-x", 100, 10, 0.25m)),
                Ev.Make(5, EventTypes.Usage, "ses_1", LedgerRows.Usage("m4", "anthropic", "claude-x", 100, 10, 0.25m))]);
            await again.WaitForAckAsync(5);
        }

        var row = Assert.Single(await LedgerRows.ReadAsync(host));
        Assert.Equal(4L, row["messages"]);
        Assert.Equal(400L, row["input_tokens"]);
        Assert.Equal(1_000_000_000L, row["cost_nanos"]);
    }

    [Fact]
    public async Task Usage_NoReportedCost_PricedFromTheFirstMatchingRate()
    {
        await using var host = await SupervisorHost.StartAsync(config => config["cost"] = new JsonObject
        {
            ["rates"] = new JsonArray(
                new JsonObject { ["model"] = "claude-sonnet-4*", ["input_per_mtok"] = 3, ["output_per_mtok"] = 15, ["cache_read_per_mtok"] = 0.3, ["cache_write_per_mtok"] = 3.75 },
                new JsonObject { ["model"] = "claude-*", ["input_per_mtok"] = 100, ["output_per_mtok"] = 100 },
                new JsonObject { ["model"] = "gpt-5", ["input_per_mtok"] = 1.25, ["output_per_mtok"] = 10, ["reasoning_per_mtok"] = 20 }),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "opencode")),
            // 1M input at 3 + 0.1M output at 15 + 0.01M reasoning at the output price + 1M cache read at 0.3 + 0.2M cache write at 3.75
            Ev.Make(2, EventTypes.Usage, "ses_1", LedgerRows.Usage("m1", "anthropic", "Claude-Sonnet-4-5", 1_000_000, 100_000, 0m, 10_000, 1_000_000, 200_000)),
            // reported cost wins over the rate
            Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "anthropic", "Claude-Sonnet-4-5", 1_000_000, 0, 0.01m)),
            Ev.Make(4, EventTypes.Usage, "ses_1", LedgerRows.Usage("m3", "openai", "gpt-5", 1000, 1000, 0m, reasoning: 1000)),
            Ev.Make(5, EventTypes.Usage, "ses_1", LedgerRows.Usage("m4", "mistral", "no-rate", 1000, 1000, 0m)));
        await agent.WaitForAckAsync(5);

        var rows = (await LedgerRows.ReadAsync(host)).ToDictionary(r => (string)r["model"]!);
        // 3 + 1.5 + 0.15 + 0.3 + 0.75 = 5.7, plus the reported 0.01
        Assert.Equal((5_710_000_000L, 2L, 1L), ((long)rows["Claude-Sonnet-4-5"]["cost_nanos"]!, (long)rows["Claude-Sonnet-4-5"]["messages"]!,
            (long)rows["Claude-Sonnet-4-5"]["priced_messages"]!));
        // 1000 × 1.25 + 1000 × 10 + 1000 × 20 per million
        Assert.Equal((31_250_000L, 1L), ((long)rows["gpt-5"]["cost_nanos"]!, (long)rows["gpt-5"]["priced_messages"]!));
        Assert.Equal((0L, 1L), ((long)rows["no-rate"]["cost_nanos"]!, (long)rows["no-rate"]["priced_messages"]!));
    }

    [Fact]
    public async Task Usage_AccountsConfigured_BookedToTheFirstMatchAndSubscriptionsMarked()
    {
        await using var host = await SupervisorHost.StartAsync(config => config["cost"] = new JsonObject
        {
            ["rates"] = new JsonArray(new JsonObject { ["model"] = "claude-*", ["input_per_mtok"] = 3, ["output_per_mtok"] = 15 }),
            ["accounts"] = new JsonArray(
                new JsonObject { ["name"] = "claude-max", ["kind"] = "subscription", ["provider"] = "anthropic", ["runtime"] = "claude-code" },
                new JsonObject { ["name"] = "team-beta", ["provider"] = "anthropic", ["projects"] = new JsonArray("beta") },
                new JsonObject { ["name"] = "node-b-key", ["nodes"] = new JsonArray("node-b") }),
        });
        await using var a = await TestAgent.ConnectAsync(host, "node-a");
        await a.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_max", LedgerRows.Created("alpha", "claude-code")),
            Ev.Make(2, EventTypes.Usage, "ses_max", LedgerRows.Usage("m1", "anthropic", "claude-x", 1_000_000, 0, 0m)),
            Ev.Make(3, EventTypes.SessionCreated, "ses_beta", LedgerRows.Created("beta", "opencode")),
            Ev.Make(4, EventTypes.Usage, "ses_beta", LedgerRows.Usage("m2", "anthropic", "claude-x", 10, 0, 0.2m)),
            Ev.Make(5, EventTypes.SessionCreated, "ses_alpha", LedgerRows.Created("alpha", "opencode")),
            Ev.Make(6, EventTypes.Usage, "ses_alpha", LedgerRows.Usage("m3", null, null, 10, 0, 0.3m)));
        await a.WaitForAckAsync(6);
        await using var b = await TestAgent.ConnectAsync(host, "node-b");
        await b.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_b", LedgerRows.Created("alpha", "opencode")),
            Ev.Make(2, EventTypes.Usage, "ses_b", LedgerRows.Usage("m4", "openai", "gpt-y", 10, 0, 0.4m)));
        await b.WaitForAckAsync(2);

        var rows = (await LedgerRows.ReadAsync(host)).ToDictionary(r => (string)r["session_id"]!);
        // a subscription login: its tokens at the equivalent API price, marked as such
        Assert.Equal(("claude-max", 1L, 3_000_000_000L), ((string)rows["ses_max"]["account"]!, (long)rows["ses_max"]["equivalent"]!, (long)rows["ses_max"]["cost_nanos"]!));
        Assert.Equal(("team-beta", 0L), ((string)rows["ses_beta"]["account"]!, (long)rows["ses_beta"]["equivalent"]!));
        // no provider in the event and no account matching it: booked to "unknown"
        Assert.Equal(("unknown", "unknown", "unknown"), ((string)rows["ses_alpha"]["account"]!, (string)rows["ses_alpha"]["provider"]!, (string)rows["ses_alpha"]["model"]!));
        Assert.Equal(("node-b-key", "node-b"), ((string)rows["ses_b"]["account"]!, (string)rows["ses_b"]["node_id"]!));
    }

    [Fact]
    public async Task Usage_TimeZoneAheadOfUtc_BookedToTheLocalDayAndTheUtcHour()
    {
        await using var host = await SupervisorHost.StartAsync(config => config["cost"] = new JsonObject { ["time_zone"] = "Pacific/Auckland" });
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        var lateUtc = new DateTimeOffset(2026, 11, 25, 10, 59, 0, TimeSpan.Zero); // 23:59 on the 25th in Auckland (UTC+13)
        var nextDay = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero); // 00:00 on the 26th
        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "opencode")),
            Ev.Make(2, EventTypes.Usage, "ses_1", LedgerRows.Usage("m1", "anthropic", "claude-x", 1, 1, 0.1m)) with { Ts = lateUtc },
            Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "anthropic", "claude-x", 1, 1, 0.2m)) with { Ts = nextDay });
        await agent.WaitForAckAsync(3);

        var rows = await LedgerRows.ReadAsync(host);
        Assert.Equal([("2026-11-25T10:00:00Z", "2026-11-25", 100_000_000L), ("2026-11-25T11:00:00Z", "2026-11-26", 200_000_000L)],
            rows.Select(r => ((string)r["hour_utc"]!, (string)r["day_local"]!, (long)r["cost_nanos"]!)).ToArray());
    }
    [Fact]
    public async Task Usage_RawFirstEscapedNamesAndBadCounts_BookedFromTheFieldsItReads()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        var longModel = new string('m', 300);
        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "opencode")),
            Ev.Make(2, EventTypes.Usage, "ses_1",
                """{"raw":{"provider":"not-this","tokens":{"input":999}},"context_tokens":5,"cost_usd":0.5,"model":"gpt\u002d5","tokens":{"output":"many","input":-4,"cache_read":7,"extra":[1,2]},"provider":"open\u0061i"}"""),
            Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "openai", longModel, 1, 1, 0.25m)),
            Ev.Make(4, EventTypes.Usage, "ses_1", """{"message_id":"m3","tokens":[],"cost_usd":"1"}"""));
        await agent.WaitForAckAsync(4);

        var rows = (await LedgerRows.ReadAsync(host)).ToDictionary(r => (string)r["model"]!);
        var gpt = rows["gpt-5"];
        Assert.Equal(("openai", 0L, 0L, 7L, 500_000_000L), ((string)gpt["provider"]!, (long)gpt["input_tokens"]!, (long)gpt["output_tokens"]!,
            (long)gpt["cache_read_tokens"]!, (long)gpt["cost_nanos"]!));
        // a model name is kept to 256 characters
        Assert.Equal(250_000_000L, rows[longModel[..256]]["cost_nanos"]);
        // no provider, model, tokens or readable cost: a message of unknown provider and model, priced at 0 (no rate)
        Assert.Equal((1L, 1L, 0L), ((long)rows["unknown"]["messages"]!, (long)rows["unknown"]["priced_messages"]!, (long)rows["unknown"]["cost_nanos"]!));
    }
}
