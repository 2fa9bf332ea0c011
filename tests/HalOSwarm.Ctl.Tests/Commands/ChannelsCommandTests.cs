using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class ChannelsCommandTests
{
    private static JsonObject Delivery(long id, string state, string? error = null) => new()
    {
        ["id"] = id,
        ["alert_id"] = 7,
        ["target"] = "webhook:n8n",
        ["op"] = "post",
        ["state"] = state,
        ["attempts"] = 3,
        ["next_attempt_at"] = "2025-06-01T11:58:05Z",
        ["last_error"] = error,
        ["created_at"] = "2025-06-01T11:58:00Z",
        ["delivered_at"] = null,
        ["rule"] = "needs-input",
        ["event_type"] = "session.needs_input",
        ["title"] = "Session s-1 needs input",
    };

    [Fact]
    public async Task Status_TableFormat_ShowsPlatformsAndTargetCounts()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonObject
        {
            ["platforms"] = new JsonArray(
                new JsonObject { ["kind"] = "discord", ["state"] = "not_configured", ["mode"] = "", ["detail"] = null, ["since"] = null },
                new JsonObject { ["kind"] = "webhook", ["state"] = "connected", ["mode"] = "webhook", ["detail"] = "1 webhook target(s): n8n", ["since"] = null }),
            ["targets"] = new JsonArray(new JsonObject { ["target"] = "webhook:n8n", ["pending"] = 2, ["delivered"] = 40, ["failed"] = 1 }),
        })));

        var run = await CliRun.RunAsync(["channels", "status"], () => stub);

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "PLATFORM", "STATE", "discord", "not_configured", "webhook", "connected", "TARGET", "PENDING", "DELIVERED", "FAILED",
            "webhook:n8n", "40" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
        Assert.Equal("/api/v1/channels", stub.Requests[0].RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task Deliveries_Filters_PassedAsQueryAndRowsShown()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            Delivery(12, "failed", "the receiver answered 400 Bad Request")))));

        var run = await CliRun.RunAsync(["channels", "deliveries", "--state", "failed", "--target", "webhook:n8n", "--limit", "5"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("?state=failed&target=webhook%3An8n&limit=5", stub.Requests[0].RequestUri!.Query);
        Assert.Equal("/api/v1/channels/deliveries", stub.Requests[0].RequestUri!.AbsolutePath);
        foreach (var text in new[] { "12", "webhook:n8n", "failed", "needs-input", "the receiver answered 400 Bad Request" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deliveries_JsonAll_MergesPages()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=c2", StringComparison.Ordinal)
            ? ApiJson.Envelope(new JsonArray(Delivery(1, "delivered")))
            : ApiJson.Envelope(new JsonArray(Delivery(2, "pending")), nextCursor: "c2")));

        var run = await CliRun.RunAsync(["channels", "deliveries", "--all", "--format", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal([2L, 1L], document.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("--state", "lost")]
    [InlineData("--limit", "0")]
    public async Task Deliveries_InvalidOption_ExitsTwo(string option, string value)
    {
        var run = await CliRun.RunAsync(["channels", "deliveries", option, value], () => new StubHandler(_ => throw new InvalidOperationException("no request")));

        Assert.Equal(2, run.ExitCode);
    }
}
