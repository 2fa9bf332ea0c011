using System.Data.Common;
using System.Globalization;
using HalOSwarm.Supervisor.Storage;

namespace HalOSwarm.Supervisor.Search.Postgres;

/// <summary>
/// A parsed query as a PostgreSQL <c>tsquery</c> expression: each term's words (<see cref="PostgresSearchText.Words"/>)
/// bound as a parameter and turned into a query by <c>phraseto_tsquery</c> (a word's pieces and a phrase's words in
/// order, next to each other), a prefix's last word by <c>to_tsquery</c> with <c>:*</c> after it, quoted by
/// <c>quote_literal</c> on the server; all terms joined by <c>&amp;&amp;</c>. The user's text is only ever a parameter
/// value, and only letters, digits and spaces reach the tsquery parser.
/// </summary>
internal static class PostgresSearchExpression
{
    public static string From(SearchQuery query, DbCommand command)
    {
        const string Config = $"'{PostgresSearchText.Configuration}'";
        var parts = new List<string>(query.Terms.Count);
        for (var i = 0; i < query.Terms.Count; i++)
        {
            var term = query.Terms[i];
            var words = PostgresSearchText.Words(term.Text);
            if (words.Length == 0)
            {
                continue;
            }
            var name = "@t" + i.ToString(CultureInfo.InvariantCulture);
            if (term.Kind != SearchTermKind.Prefix)
            {
                command.AddParameter(name, words);
                parts.Add($"phraseto_tsquery({Config}, {name})");
                continue;
            }
            var split = words.LastIndexOf(' ');
            command.AddParameter(name + "p", words[(split + 1)..]);
            var prefix = $"to_tsquery({Config}, quote_literal({name}p) || ':*')";
            if (split < 0)
            {
                parts.Add(prefix);
                continue;
            }
            command.AddParameter(name, words[..split]);
            parts.Add($"tsquery_phrase(phraseto_tsquery({Config}, {name}), {prefix})");
        }
        return parts.Count == 0 ? "''::tsquery" : string.Join(" && ", parts);
    }
}
