using HalOSwarm.Supervisor.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>
/// The pages' filter fields read with the HTTP API's own <see cref="QueryReader"/>, so a filter means and checks the same
/// as its query parameter (<c>type=tool.*</c>, ISO times…) and a bad one gets the API's message.
/// </summary>
internal static class OpsQuery
{
    /// <summary>The longest value a filter field takes.</summary>
    public const int MaxFieldChars = 200;

    public static QueryReader Read(params (string Name, string? Value)[] fields)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value.Trim();
            }
        }
        var query = new QueryReader(new QueryCollection(values));
        foreach (var (name, value) in fields)
        {
            if (value is { Length: > MaxFieldChars })
            {
                query.Add(name, $"is {value.Length} characters long; at most {MaxFieldChars}");
            }
        }
        return query;
    }

    public static string Describe(QueryReader query) => string.Join("; ", query.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
