using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace HalOSwarm.Supervisor.Api.OpenApi;

/// <summary>
/// The envelopes every JSON answer uses (docs/API.md, Envelopes), written out once as component schemas: the handlers
/// return <c>IResult</c>s, from which no generator can tell the shape.
/// </summary>
internal static class OpenApiShapes
{
    public const string BearerScheme = "bearer";
    public const string ErrorSchema = "Error";
    public const string EnvelopeSchema = "Envelope";

    public static OpenApiSecurityScheme Bearer() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "server.auth_token or a token the supervisor issued (POST /api/v1/tokens); its role decides what it may call: "
            + "viewer reads, operator acts on sessions, admin manages tokens, backups and budgets.",
    };

    public static OpenApiSchema Error() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Every error, 4xx and 5xx alike.",
        Required = new HashSet<string> { "error", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["error"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One sentence a person can act on." },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "snake_case code (docs/API.md, Envelopes).",
                Examples = [JsonValue.Create("invalid_request"), JsonValue.Create("forbidden")],
            },
            ["details"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "errors (each with field and message), command, components." },
        },
    };

    public static OpenApiSchema Envelope() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Every success: data is the answer, meta may be empty.",
        Required = new HashSet<string> { "data", "meta" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["data"] = new OpenApiSchema { Description = "The object or list the endpoint answers (docs/API.md)." },
            ["meta"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["next_cursor"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Present when there is a next page." },
                },
            },
        },
    };
}
