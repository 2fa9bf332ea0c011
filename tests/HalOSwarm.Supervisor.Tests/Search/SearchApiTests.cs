using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using static HalOSwarm.Supervisor.Tests.Search.SearchFixture;

namespace HalOSwarm.Supervisor.Tests.Search;

/// <summary>Search through the composed supervisor: a real agent socket, the real writer and indexer, FTS5 in a real file.</summary>
public sealed class SearchApiTests
{
    [Fact]
    public async Task Search_WordFromAnAssistantMessage_FoundWithItsSessionNodeProjectAndHighlightedSnippet()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-s");
        await agent.SendEventsAsync(
            Created(1, "ses_a", "alpha"),
            Delta(2, "ses_a", "We chose the pelican"),
            Message(3, "ses_a", "We chose the pelican strategy because the migration kept failing on Café records."),
            Message(4, "ses_b", "Nothing to see here."));
        await agent.WaitForAckAsync(4);

        var hits = await WaitForHitsAsync(host, "pelican");

        var hit = Assert.Single(hits);
        Assert.Equal("ses_a", hit.GetProperty("session_id").GetString());
        Assert.Equal("node-s", hit.GetProperty("node_id").GetString());
        Assert.Equal("alpha", hit.GetProperty("project").GetString());
        Assert.Equal("message.completed", hit.GetProperty("type").GetString());
        Assert.Equal(Ev.T0.AddSeconds(3), hit.GetProperty("ts").GetDateTimeOffset());
        Assert.Contains("the \u27E6pelican\u27E7 strategy", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var stored = await host.GetDataAsync("/api/v1/events?session_id=ses_a&type=message.completed");
        Assert.Equal(stored[0].GetProperty("id").GetInt64(), hit.GetProperty("event_id").GetInt64());
        // Word forms and accents: "fails" finds "failing", "cafe" finds "Café".
        Assert.Single(await HitsAsync(host, "q=fails+cafe"));
    }

    [Fact]
    public async Task Search_ToolCallsAndSessionTitles_FoundByToolInputOutputAndTitle()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-t");
        await agent.SendEventsAsync(
            Created(1, "ses_t", "alpha", title: "Upgrade the zeppelin schema"),
            ToolStarted(2, "ses_t", "bash", "grep -rn walrus src/"),
            Tool(3, "ses_t", "bash", "dotnet test", "Failed: 3 tests in OctopusTests"));
        await agent.WaitForAckAsync(3);

        Assert.Equal("session.created", (await WaitForHitsAsync(host, "zeppelin"))[0].GetProperty("type").GetString());
        Assert.Equal("tool.started", (await WaitForHitsAsync(host, "walrus"))[0].GetProperty("type").GetString());
        Assert.Equal("tool.finished", (await WaitForHitsAsync(host, "octopustests"))[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Search_ProjectSessionAndTimeFilters_OnlyMatchingHitsNewestFirstPagedByCursor()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-f");
        await agent.SendEventsAsync(
            Created(1, "ses_1", "alpha"),
            Created(2, "ses_2", "beta"),
            Message(3, "ses_1", "the quokka ate early"),
            Message(4, "ses_2", "the quokka ate late"),
            Message(5, "ses_2", "the quokka slept"));
        await agent.WaitForAckAsync(5);
        await WaitForHitsAsync(host, "quokka", 3);

        var beta = await HitsAsync(host, "q=quokka&project=beta");
        var since = await HitsAsync(host, "q=quokka&since=" + Uri.EscapeDataString(Ev.T0.AddSeconds(4).ToString("O")));
        var until = await HitsAsync(host, "q=quokka&until=" + Uri.EscapeDataString(Ev.T0.AddSeconds(4).ToString("O")));
        var session = await HitsAsync(host, "q=quokka+ate&session_id=ses_2");
        var (_, first) = await SearchAsync(host, "q=quokka&limit=2");
        var next = first.GetProperty("meta").GetProperty("next_cursor").GetString()!;
        var second = await HitsAsync(host, "q=quokka&limit=2&cursor=" + next);

        Assert.Equal(["late", "slept"], beta.Select(Word).Order());
        Assert.Equal(["slept", "late"], since.Select(Word));
        Assert.Equal(["early"], until.Select(Word));
        Assert.Equal(["late"], session.Select(Word));
        Assert.Equal(["slept", "late"], first.GetProperty("data").EnumerateArray().Select(Word));
        Assert.Equal(["early"], second.Select(Word));
    }

    [Fact]
    public async Task Search_QuotedPhraseAndPrefix_PhraseNeedsWordsInOrderPrefixMatchesStarts()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-p");
        await agent.SendEventsAsync(
            Message(1, "ses_p", "please deploy the rocket today"),
            Message(2, "ses_p", "the rocket may deploy tomorrow"));
        await agent.WaitForAckAsync(2);
        await WaitForHitsAsync(host, "rocket", 2);

        var phrase = await HitsAsync(host, "q=" + Uri.EscapeDataString("\"deploy the rocket\""));
        var words = await HitsAsync(host, "q=deploy+rocket");
        var prefix = await HitsAsync(host, "q=tomor*");

        Assert.Equal(["today"], phrase.Select(h => LastWord(h)));
        Assert.Equal(2, words.Length);
        Assert.Equal(["tomorrow"], prefix.Select(h => LastWord(h)));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("( ) : ^ -")]
    [InlineData("a*")]
    [InlineData("   ")]
    public async Task Search_QueryWithoutAWordOrAShortPrefix_400InvalidQueryNamingTheRule(string q)
    {
        await using var host = await SupervisorHost.StartAsync();

        var (status, body) = await SearchAsync(host, "q=" + Uri.EscapeDataString(q));

        Assert.Equal(400, status);
        Assert.Equal("invalid_query", body.GetProperty("code").GetString());
        Assert.Equal("q", body.GetProperty("details").GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Matches("at least one word|prefix needs at least 2", body.GetProperty("error").GetString()!);
    }

    [Fact]
    public async Task Search_TooLongOrTooManyTermsOrBadFilters_400NamingTheRule()
    {
        await using var host = await SupervisorHost.StartAsync();

        var (longStatus, longBody) = await SearchAsync(host, "q=" + new string('x', 257));
        var (manyStatus, manyBody) = await SearchAsync(host, "q=" + string.Join('+', Enumerable.Range(1, 17).Select(i => $"w{i}")));
        var (missingStatus, missingBody) = await SearchAsync(host, "project=alpha");
        var (limitStatus, limitBody) = await SearchAsync(host, "q=ok&limit=101");

        Assert.Equal((400, "invalid_query"), (longStatus, longBody.GetProperty("code").GetString()));
        Assert.Contains("at most 256 characters", longBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((400, "invalid_query"), (manyStatus, manyBody.GetProperty("code").GetString()));
        Assert.Contains("at most 16 words and phrases", manyBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((400, "invalid_query"), (missingStatus, missingBody.GetProperty("code").GetString()));
        Assert.Equal((400, "invalid_request"), (limitStatus, limitBody.GetProperty("code").GetString()));
        Assert.Contains("limit", limitBody.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("marmot OR anything", 0)]
    [InlineData("marmot NEAR(", 1)]
    [InlineData("NEAR(marmot badger, 2)", 0)]
    [InlineData("text:marmot", 0)]
    [InlineData("marmot\" OR \"x", 0)]
    [InlineData("\"marmot", 1)]
    [InlineData("marmot*) OR (x", 0)]
    [InlineData("^marmot -badger +x", 0)]
    [InlineData("{text session_id}: marmot", 0)]
    [InlineData("marmot'; DROP TABLE events; --", 0)]
    public async Task Search_SearchEngineSyntaxInTheQuery_TreatedAsWordsNeverAnError(string q, int expected)
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-i");
        await agent.SendEventsAsync(Message(1, "ses_i", "the marmot near the river"));
        await agent.WaitForAckAsync(1);
        await WaitForHitsAsync(host, "marmot");

        var hits = await HitsAsync(host, "q=" + Uri.EscapeDataString(q));

        Assert.Equal(expected, hits.Length);
        Assert.Single(await HitsAsync(host, "q=marmot"));
    }

    [Fact]
    public async Task Search_TextBeyondMaxTextChars_NotIndexedTheStartIs()
    {
        await using var host = await SupervisorHost.StartAsync(config => config["search"] = new JsonObject { ["max_text_chars"] = 256 });
        await using var agent = await TestAgent.ConnectAsync(host, "node-l");
        await agent.SendEventsAsync(Message(1, "ses_l", "heron " + new string('x', 300) + " aardvark"), Message(2, "ses_l", "the marker ibis"));
        await agent.WaitForAckAsync(2);
        await WaitForHitsAsync(host, "ibis");

        Assert.Single(await HitsAsync(host, "q=heron"));
        Assert.Empty(await HitsAsync(host, "q=aardvark"));
    }

    [Fact]
    public async Task Search_Disabled_503SearchDisabledAndNothingIndexed()
    {
        await using var host = await SupervisorHost.StartAsync(config => config["search"] = new JsonObject { ["enabled"] = false });

        var (status, body) = await SearchAsync(host, "q=anything");

        Assert.Equal(503, status);
        Assert.Equal("search_disabled", body.GetProperty("code").GetString());
    }

    private static string Word(JsonElement hit) => LastWord(hit);

    private static string LastWord(JsonElement hit) =>
        hit.GetProperty("snippet").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim('\u27E6', '\u27E7', '.');
}
