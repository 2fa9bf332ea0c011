using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>
/// <c>/api/v1/tokens</c> (create, list, revoke user tokens; revoke any token) and <c>/api/v1/nodes/{nodeId}/enroll</c>
/// (issue a node token): admin only. A secret is in the creating response and nowhere else; every change is audited.
/// </summary>
internal static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Admin);
        admin.MapGet("/tokens", ListAsync);
        admin.MapPost("/tokens", CreateAsync);
        admin.MapPost("/tokens/{token}/revoke", RevokeAsync);
        admin.MapPost("/nodes/{nodeId}/enroll", EnrollAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, TokenQueries queries, TokenStore store, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var includeRevoked = query.OneOf("include_revoked", ["true", "false"]) == "true";
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var tokens = (await queries.ListAsync(includeRevoked, cancellationToken)).Select(store.WithCounts).ToList();
        return ApiResults.Ok<IReadOnlyList<ApiToken>>(tokens, TokensJsonContext.Default.ApiEnvelopeIReadOnlyListApiToken);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, TokenStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadAsync(request, TokensJsonContext.Default.TokenCreateRequest, new TokenCreateRequest(null, null), cancellationToken);
        var errors = new List<FieldError>();
        if (error is not null)
        {
            errors.Add(new FieldError("body", error));
        }
        else
        {
            if (!TokenNames.IsUserName(body!.Name))
            {
                errors.Add(new FieldError("name", TokenNames.Rule));
            }
            if (body.Role is null || !TokenRoles.All.Contains(body.Role))
            {
                errors.Add(new FieldError("role", $"must be one of {string.Join(", ", TokenRoles.All)}"));
            }
        }
        return await IssueAsync(request, errors, store, audit, "token.create", body?.Name ?? "", TokenKinds.User, body?.Role, null, cancellationToken);
    }

    private static Task<IResult> EnrollAsync(string nodeId, HttpRequest request, TokenStore store, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (ProtocolLimits.NodeIdProblem(nodeId) is { } problem)
        {
            errors.Add(new FieldError("node_id", problem));
        }
        return IssueAsync(request, errors, store, audit, "node.enroll", TokenNames.ForNode(nodeId), TokenKinds.Node, null, nodeId, cancellationToken);
    }

    private static async Task<IResult> IssueAsync(HttpRequest request, List<FieldError> errors, TokenStore store, IAuditLog audit, string action,
        string name, string kind, string? role, string? nodeId, CancellationToken cancellationToken)
    {
        var actor = ApiCaller.Actor(request, out var actorError);
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(errors);
        }
        IssuedToken issued;
        try
        {
            issued = await store.CreateAsync(name, kind, role, nodeId, actor!, cancellationToken);
        }
        catch (TokenConflictException ex)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, ex.Message, "conflict");
        }
        await audit.RecordAsync(new AuditEntry(actor!, action, name, Args(issued.Token), "ok", SourceAddress: ApiCaller.SourceAddress(request.HttpContext)),
            cancellationToken);
        return TypedResults.Json(new ApiEnvelope<IssuedToken>(issued, ApiMeta.Empty), TokensJsonContext.Default.ApiEnvelopeIssuedToken,
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(string token, HttpRequest request, TokenQueries queries, TokenStore store, IAuditLog audit,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!TokenNames.IsReference(token))
        {
            errors.Add(new FieldError("token", "must be a token id (tok_ and 16 hex digits), a token name, or node:NODE_ID"));
        }
        var actor = ApiCaller.Actor(request, out var actorError);
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(errors);
        }
        if (await queries.FindAsync(token, cancellationToken) is not { } found)
        {
            return ApiErrors.NotFound($"no active token named '{token}' and no token with that id");
        }
        var wasActive = found.RevokedAt is null;
        var revoked = await store.RevokeAsync(found, actor!, cancellationToken);
        if (wasActive)
        {
            await audit.RecordAsync(new AuditEntry(actor!, "token.revoke", found.Name, Args(found), "ok", SourceAddress: ApiCaller.SourceAddress(request.HttpContext)),
                cancellationToken);
        }
        return ApiResults.Ok(store.WithCounts(revoked), TokensJsonContext.Default.ApiEnvelopeApiToken);
    }

    private static JsonElement Args(ApiToken token) => JsonSerializer.SerializeToElement<JsonNode>(
        new JsonObject { ["id"] = token.Id, ["kind"] = token.Kind, ["role"] = token.Role, ["node_id"] = token.NodeId },
        AuditJsonContext.Default.JsonNode);
}
