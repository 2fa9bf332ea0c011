using System.Text.Json;
using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Api;

/// <summary>
/// The OpenAPI document (<c>GET /openapi/v1.json</c>) is generated from the endpoints, and docs/API.md is written by
/// hand: every <c>METHOD /path</c> the doc names must be in the document and every operation of the document in the doc,
/// so neither can drift from the code.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    private static readonly string[] s_methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task OpenApiDocument_ComparedWithApiMd_ListsEveryDocumentedEndpointAndNoOther()
    {
        await using var host = await SupervisorHost.StartAsync();

        var document = await GetDocumentAsync(host);
        var generated = Operations(document).Keys.ToHashSet(StringComparer.Ordinal);
        var documented = Documented(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "API.md")));
        // The document does not list itself.
        documented.Remove("GET /openapi/v1.json");

        Assert.True(documented.Count >= 40, $"only {documented.Count} endpoints found in docs/API.md");
        Assert.True(generated.SetEquals(documented),
            $"in the OpenAPI document, not in docs/API.md: {string.Join(", ", generated.Except(documented).Order())}\n"
            + $"in docs/API.md, not in the OpenAPI document: {string.Join(", ", documented.Except(generated).Order())}");
    }

    [Fact]
    public async Task OpenApiDocument_Operations_CarryTheirRoleTheBearerSchemeAndTheEnvelopes()
    {
        await using var host = await SupervisorHost.StartAsync();

        var document = await GetDocumentAsync(host);
        var operations = Operations(document);

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        var submit = operations["POST /api/v1/commands"];
        Assert.Contains("Role: operator", submit.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(submit.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.Equal("#/components/schemas/Error", submit.GetProperty("responses").GetProperty("403").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("Commands", submit.GetProperty("tags")[0].GetString());
        Assert.Contains("Role: admin", operations["POST /api/v1/tokens"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Role: viewer", operations["GET /api/v1/sessions"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("#/components/schemas/Envelope", operations["GET /api/v1/sessions"].GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(0, operations["GET /healthz"].GetProperty("security").GetArrayLength());
        Assert.True(operations["GET /api/v1/ws"].GetProperty("responses").TryGetProperty("101", out _));
        Assert.Equal("Client WebSocket", operations["GET /api/v1/ws"].GetProperty("tags")[0].GetString());
        var tags = document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "Commands", "Sessions", "Events", "Nodes", "Tokens", "Cost", "Health", "Observability", "Client WebSocket" }, tags.ToHashSet());
        Assert.Equal(operations.Count, operations.Values.Select(o => o.GetProperty("operationId").GetString()).Distinct().Count());
    }

    private static async Task<JsonElement> GetDocumentAsync(SupervisorHost host)
    {
        using var response = await host.Api.GetAsync("/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /openapi/v1.json -> {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>"METHOD /path" with every path parameter written <c>{}</c>, to the operation.</summary>
    private static Dictionary<string, JsonElement> Operations(JsonElement document)
    {
        var operations = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => s_methods.Contains(o.Name)))
            {
                operations[$"{operation.Name.ToUpperInvariant()} {Normalize(path.Name)}"] = operation.Value;
            }
        }
        return operations;
    }

    /// <summary>
    /// Every endpoint docs/API.md names in an inline code span: <c>GET /api/v1/x</c>, <c>GET|POST /a</c>,
    /// <c>POST /s/{id}/{prompt|inject}</c>, <c>POST /s/{id}/prompt|inject</c>; a query string is not part of it.
    /// Fenced blocks (examples) are left out.
    /// </summary>
    private static HashSet<string> Documented(string markdown)
    {
        var text = FencedBlock().Replace(markdown, "");
        var endpoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match span in CodeSpan().Matches(text))
        {
            var endpoint = Endpoint().Match(span.Groups[1].Value);
            if (!endpoint.Success)
            {
                continue;
            }
            var path = endpoint.Groups["path"].Value.Split('?')[0].TrimEnd('…');
            foreach (var method in endpoint.Groups["methods"].Value.Split('|'))
            {
                foreach (var expanded in Expand(path.Split('/')))
                {
                    endpoints.Add($"{method} {Normalize(expanded)}");
                }
            }
        }
        return endpoints;
    }

    /// <summary>A segment <c>{a|b}</c> or <c>a|b</c> stands for each of its alternatives.</summary>
    private static IEnumerable<string> Expand(string[] segments)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in segments.Skip(1))
        {
            var alternatives = segment.Contains('|', StringComparison.Ordinal) ? segment.Trim('{', '}').Split('|') : [segment];
            paths = [.. paths.SelectMany(p => alternatives.Select(a => p + "/" + a))];
        }
        return paths;
    }

    private static string Normalize(string path) => Parameter().Replace(path, "{}");

    [GeneratedRegex("^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(?<methods>(?:GET|POST|PUT|DELETE|PATCH)(?:\|(?:GET|POST|PUT|DELETE|PATCH))*) (?<path>/\S*)")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"\{[^}|]+\}")]
    private static partial Regex Parameter();
}
