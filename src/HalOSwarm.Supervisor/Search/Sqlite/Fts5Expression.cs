using System.Text;

namespace HalOSwarm.Supervisor.Search.Sqlite;

/// <summary>
/// A parsed query as an FTS5 query string: every term a quoted string (a quote inside doubled), prefixes marked
/// <c>*</c> after the closing quote, all joined by <c>AND</c>. Inside quotes FTS5 sees no operator, column filter or
/// special character — only text its tokenizer splits into words — so the user's text can never be FTS5 syntax.
/// </summary>
internal static class Fts5Expression
{
    public static string From(SearchQuery query)
    {
        var expression = new StringBuilder();
        foreach (var term in query.Terms)
        {
            if (expression.Length > 0)
            {
                expression.Append(" AND ");
            }
            expression.Append('"').Append(term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (term.Kind == SearchTermKind.Prefix)
            {
                expression.Append('*');
            }
        }
        return expression.ToString();
    }
}
