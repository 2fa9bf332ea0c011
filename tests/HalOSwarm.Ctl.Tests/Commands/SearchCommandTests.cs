using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class SearchCommandTests
{
    private static JsonObject Hit(long id, string session, string snippet) => new()
    {
        ["event_id"] = id,
        ["session_id"] = session,
        ["node_id"] = "node-1",
        ["project"] = "alpha",
        ["type"] = "message.completed",
        ["ts"] = "2025-06-01T11:58:00Z",
        ["snippet"] = snippet,
    };

    [Fact]
    public async Task Search_TableFormat_ShowsSessionProjectTypeAndSnippetWithoutMarkers()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            Hit(42, "ses_1", "we chose the \u27E6pelican\u27E7 [strategy]")))));

        var run = await CliRun.RunAsync(["search", "pelican"], () => stub);

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "AT", "SESSION", "PROJECT", "TYPE", "MATCH", "2025-06-01 11:58:00Z", "ses_1", "alpha", "message.completed", "42",
            "we chose the pelican [strategy]" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\u27E6", run.Out, StringComparison.Ordinal);
        Assert.Equal("/api/v1/search?q=pelican", stub.Requests[0].RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task Search_WordsPhraseAndFilters_SentAsOneQueryWithRelativeSinceResolved()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray())));

        var run = await CliRun.RunAsync(
            ["search", "migration", "\"kept failing\"", "--project", "alpha", "--session", "ses_1", "--node", "n1", "--since", "7d", "--limit", "5"],
            () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("no matches\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal("?q=migration%20%22kept%20failing%22&project=alpha&session_id=ses_1&node_id=n1&since=2025-05-25T12%3A00%3A00.000Z&limit=5",
            stub.Requests[0].RequestUri!.Query);
    }

    [Fact]
    public async Task Search_JsonAll_MergesPagesAsTheApiSentThem()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=c2", StringComparison.Ordinal)
            ? ApiJson.Envelope(new JsonArray(Hit(1, "ses_1", "older \u27E6x\u27E7")))
            : ApiJson.Envelope(new JsonArray(Hit(2, "ses_2", "newer \u27E6x\u27E7")), nextCursor: "c2")));

        var run = await CliRun.RunAsync(["search", "x", "--all", "-o", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal([2L, 1L], document.RootElement.EnumerateArray().Select(e => e.GetProperty("event_id").GetInt64()));
        Assert.Equal("newer \u27E6x\u27E7", document.RootElement[0].GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Search_InvalidQuery_ErrorLineWithTheRuleExitOne()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest,
            """{"error":"invalid query (q): must contain at least one word (letters or digits)","code":"invalid_query"}"""));

        var run = await CliRun.RunAsync(["search", "*"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(q): must contain at least one word", run.Error, StringComparison.Ordinal);
        Assert.Contains("(invalid_query)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--limit", "101")]
    public async Task Search_InvalidOption_ExitsTwo(string option, string value)
    {
        var run = await CliRun.RunAsync(["search", "x", option, value], () => new StubHandler(_ => throw new InvalidOperationException("no request")));

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Search_NoWords_ExitsTwo()
    {
        var run = await CliRun.RunAsync(["search"], () => new StubHandler(_ => throw new InvalidOperationException("no request")));

        Assert.Equal(2, run.ExitCode);
    }
}
