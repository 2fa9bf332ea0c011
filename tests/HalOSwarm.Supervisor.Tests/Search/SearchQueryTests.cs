using HalOSwarm.Supervisor.Search;
using HalOSwarm.Supervisor.Search.Sqlite;

namespace HalOSwarm.Supervisor.Tests.Search;

/// <summary>The user's query as FTS5 sees it: only quoted strings joined by AND, prefixes marked after the quote.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("pelican", "\"pelican\"")]
    [InlineData("deploy  \"the rocket\" tomor*", "\"deploy\" AND \"the rocket\" AND \"tomor\"*")]
    [InlineData("a\"b", "\"a\" AND \"b\"")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("NEAR(x OR y) text:z", "\"NEAR(x\" AND \"OR\" AND \"y)\" AND \"text:z\"")]
    [InlineData("xy* - ( ) ^", "\"xy\"*")]
    [InlineData("col:\"\" *ab", "\"col:\" AND \"*ab\"")]
    public void Parse_UserText_OnlyQuotedTermsJoinedByAnd(string text, string expected)
    {
        Assert.True(SearchQuery.TryParse(text, out var query, out var error), error);

        Assert.Equal(expected, Fts5Expression.From(query));
    }

    [Theory]
    [InlineData(null, "at least one word")]
    [InlineData("\"", "at least one word")]
    [InlineData("* ** -", "at least one word")]
    [InlineData("é*", "prefix needs at least 2")]
    [InlineData("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17", "at most 16 words and phrases")]
    public void Parse_NoWordShortPrefixOrTooManyTerms_RefusedWithTheRule(string? text, string rule)
    {
        Assert.False(SearchQuery.TryParse(text, out _, out var error));

        Assert.Contains(rule, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LongerThan256Characters_RefusedWithTheLimit()
    {
        Assert.False(SearchQuery.TryParse(new string('a', 257), out _, out var error));

        Assert.Equal("must be at most 256 characters (was 257)", error);
        Assert.True(SearchQuery.TryParse(new string('a', 256), out _, out _));
    }
}
