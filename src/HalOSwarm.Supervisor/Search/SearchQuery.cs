using System.Text;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// A search as the user typed it, parsed by us into terms that must all match — never handed to a search engine's own
/// syntax. Words and <c>"quoted phrases"</c>; a word ending in <c>*</c> is a prefix. Everything else is text: the
/// engines' operators (<c>OR</c>, <c>NEAR(</c>, <c>column:</c>, <c>^</c>, <c>-</c>) are words like any other, and
/// punctuation only separates words. A term without a letter or digit is left out.
/// </summary>
internal sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms)
{
    /// <summary>Most characters of a query.</summary>
    public const int MaxChars = 256;

    /// <summary>Most terms (words and phrases) of a query.</summary>
    public const int MaxTerms = 16;

    /// <summary>Letters or digits a prefix needs before its <c>*</c>.</summary>
    public const int MinPrefixChars = 2;

    public static bool TryParse(string? text, out SearchQuery query, out string error)
    {
        query = new SearchQuery([]);
        error = "";
        if (text is not null && text.Length > MaxChars)
        {
            error = $"must be at most {MaxChars} characters (was {text.Length})";
            return false;
        }
        var terms = new List<SearchTerm>();
        var i = 0;
        var s = text ?? "";
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]) || char.IsControl(s[i]))
            {
                i++;
                continue;
            }
            if (s[i] == '"')
            {
                var end = s.IndexOf('"', i + 1);
                var phrase = end < 0 ? s[(i + 1)..] : s[(i + 1)..end];
                i = end < 0 ? s.Length : end + 1;
                Add(terms, phrase, SearchTermKind.Phrase);
                continue;
            }
            var start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && !char.IsControl(s[i]) && s[i] != '"')
            {
                i++;
            }
            var word = s[start..i];
            var stem = word.TrimEnd('*');
            if (stem.Length < word.Length && LettersOrDigits(stem) > 0)
            {
                if (LettersOrDigits(stem) < MinPrefixChars)
                {
                    error = $"a prefix needs at least {MinPrefixChars} letters or digits before * (was '{word}')";
                    return false;
                }
                Add(terms, stem, SearchTermKind.Prefix);
                continue;
            }
            Add(terms, word, SearchTermKind.Word);
        }
        if (terms.Count == 0)
        {
            error = "must contain at least one word (letters or digits)";
            return false;
        }
        if (terms.Count > MaxTerms)
        {
            error = $"must have at most {MaxTerms} words and phrases (had {terms.Count})";
            return false;
        }
        query = new SearchQuery(terms);
        return true;
    }

    public override string ToString() => string.Join(' ', Terms.Select(t => t.Kind switch
    {
        SearchTermKind.Phrase => $"\"{t.Text}\"",
        SearchTermKind.Prefix => t.Text + "*",
        _ => t.Text,
    }));

    private static void Add(List<SearchTerm> terms, string text, SearchTermKind kind)
    {
        var trimmed = text.Trim();
        if (LettersOrDigits(trimmed) > 0)
        {
            terms.Add(new SearchTerm(Clean(trimmed), kind));
        }
    }

    /// <summary>Control characters become spaces (they separate words anyway, and never reach a log or a statement).</summary>
    private static string Clean(string text) => text.Any(char.IsControl)
        ? string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c))
        : text;

    private static int LettersOrDigits(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                count++;
            }
        }
        return count;
    }
}
