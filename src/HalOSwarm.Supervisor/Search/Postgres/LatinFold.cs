namespace HalOSwarm.Supervisor.Search.Postgres;

/// <summary>
/// Latin letters with accents folded to their base letter (<c>é</c> is <c>e</c>, <c>Ł</c> is <c>L</c>), from a table
/// rather than Unicode normalization, which the invariant globalization mode the programs run in does not do.
/// Covers Latin-1 Supplement, Latin Extended-A and -B and Latin Extended Additional, as FTS5's <c>remove_diacritics</c>
/// folds them on SQLite.
/// </summary>
internal static class LatinFold
{
    // One character per code point from U+00C0 (and from U+1E00): its base letter, or '.' for none.
    private const string Latin = "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.yAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGg"
        + "HhHhIiIiIiIiI...JjKk.LlLlLl..LlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz........."
        + "........................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOo"
        + "Oo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................";

    private const string Additional = "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSs"
        + "SsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEe"
        + "IiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

    /// <summary>The base letter of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public static char Fold(char c)
    {
        var folded = c switch
        {
            >= '\u00C0' and <= '\u024F' => Latin[c - '\u00C0'],
            >= '\u1E00' and <= '\u1EFF' => Additional[c - '\u1E00'],
            _ => '.',
        };
        return folded == '.' ? c : folded;
    }
}
