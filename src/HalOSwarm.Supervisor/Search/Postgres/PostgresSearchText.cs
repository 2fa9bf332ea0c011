using System.Globalization;
using System.Text;

namespace HalOSwarm.Supervisor.Search.Postgres;

/// <summary>
/// Text as PostgreSQL's search sees it, made here so that documents and queries split and fold alike, whichever
/// extensions the server has: accents removed (<c>Café</c> is <c>cafe</c>, by <see cref="LatinFold"/>), every run of characters that is not a
/// letter or digit one space — words split as FTS5's unicode61 splits them (<c>my_func</c> is <c>my func</c>,
/// <c>src/main.cs</c> is <c>src main cs</c>), so PostgreSQL's parser only ever sees plain words.
/// </summary>
internal static class PostgresSearchText
{
    /// <summary>The configuration of migration 0002 (English snowball stemmer, no stop words).</summary>
    public const string Configuration = "hal_search";

    public static string Words(string text)
    {
        var words = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // A combining accent (text written decomposed) goes; a precomposed letter is folded by the table.
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (Rune.IsLetterOrDigit(rune))
            {
                if (rune.IsBmp)
                {
                    words.Append(LatinFold.Fold((char)rune.Value));
                }
                else
                {
                    words.Append(rune.ToString());
                }
            }
            else if (words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }
        }
        return words.ToString().TrimEnd();
    }
}
