using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// A subscription's filter, <c>{"project", "session_id", "node_id", "types"}</c> (each optional): the event filters of
/// <c>GET /api/v1/events/stream</c>, read by the same <see cref="EventFilter.Read"/>, plus the project of the event's session.
/// </summary>
internal sealed record ClientFilter(EventFilter Events, string? Project)
{
    private static readonly string[] s_keys = ["project", "session_id", "node_id", "types"];

    /// <summary>The filter, or null with every problem in <paramref name="errors"/> (fields named <c>filter.KEY</c>).</summary>
    public static ClientFilter? Read(JsonElement? filter, List<FieldError> errors)
    {
        if (filter is not { ValueKind: not JsonValueKind.Null } given)
        {
            return new ClientFilter(EventFilter.Read(new QueryReader(QueryCollection.Empty)), null);
        }
        if (given.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("filter", "must be an object"));
            return null;
        }
        var query = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        string? project = null;
        foreach (var property in given.EnumerateObject())
        {
            if (!s_keys.Contains(property.Name))
            {
                errors.Add(new FieldError($"filter.{Cut(property.Name)}", $"is not a filter; the filters are {string.Join(", ", s_keys)}"));
                continue;
            }
            if (property.Name == "types")
            {
                if (Types(property.Value, errors) is { } types)
                {
                    query["type"] = string.Join(',', types);
                }
                continue;
            }
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : null;
            var problem = property.Name switch
            {
                _ when value is null => "must be a string",
                "project" when !ProtocolLimits.IsProjectName(value) => $"must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'",
                "session_id" when !ProtocolLimits.IsSessionId(value) => $"must be 1-{ProtocolLimits.MaxSessionIdLength} characters of A-Z a-z 0-9 . _ : @ + = -",
                "node_id" => ProtocolLimits.NodeIdProblem(value),
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(new FieldError($"filter.{property.Name}", problem));
            }
            else if (property.Name == "project")
            {
                project = value;
            }
            else
            {
                query[property.Name] = value;
            }
        }
        var reader = new QueryReader(new QueryCollection(query));
        var events = EventFilter.Read(reader);
        errors.AddRange(reader.Errors.Select(e => e with { Field = e.Field == "type" ? "filter.types" : "filter." + e.Field }));
        return errors.Count == 0 ? new ClientFilter(events, project) : null;
    }

    private static List<string>? Types(JsonElement value, List<FieldError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > ClientSocketLimits.MaxTypes
            || value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || !ProtocolLimits.IsLabel(t.GetString(), 128) || t.GetString()!.Contains(',')))
        {
            errors.Add(new FieldError("filter.types", $"must be a list of at most {ClientSocketLimits.MaxTypes} event types (1-128 characters, no commas; a trailing .* matches a prefix)"));
            return null;
        }
        return [.. value.EnumerateArray().Select(t => t.GetString()!)];
    }

    private static string Cut(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
