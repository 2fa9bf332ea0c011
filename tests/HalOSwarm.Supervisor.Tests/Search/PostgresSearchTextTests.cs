using HalOSwarm.Supervisor.Search.Postgres;

namespace HalOSwarm.Supervisor.Tests.Search;

/// <summary>The words PostgreSQL's search index and queries are made of: split and folded as FTS5 does on SQLite.</summary>
public sealed class PostgresSearchTextTests
{
    [Theory]
    [InlineData("Café records.", "Cafe records")]
    [InlineData("naïve Łódź Ørsted Đorđe ẞ", "naive Lodz Orsted Dorde ẞ")]
    [InlineData("Cafe\u0301 written decomposed", "Cafe written decomposed")]
    [InlineData("my_func(src/main.cs) -> 42", "my func src main cs 42")]
    [InlineData("  日本語 テキスト ", "日本語 テキスト")]
    [InlineData("!!!", "")]
    public void Words_AccentsFoldedAndEveryRunOfNonWordCharactersOneSpace(string text, string expected) =>
        Assert.Equal(expected, PostgresSearchText.Words(text));
}
