using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The HTTP API of the feature: credentials pushed to nodes (admin; <c>POST /api/v1/commands/credentials/push</c> is the
/// seed runbook's spelling of the same endpoint), their metadata (admin) and the nodes' sync state (viewer). No answer
/// ever holds a pushed secret.
/// </summary>
internal static class CredentialsApi
{
    public const int DefaultWaitSec = 30;

    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/credentials/drift", DriftAsync);
        var admin = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Admin);
        admin.MapPost("/credentials/push", CredentialPushEndpoint.PushAsync);
        admin.MapPost("/commands/credentials/push", CredentialPushEndpoint.PushAsync);
        admin.MapGet("/credentials", ListAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, CredentialStore store, CredentialCipher cipher, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var nodeId = query.String("node_id");
        if (nodeId is not null && HalOSwarm.Protocol.ProtocolLimits.NodeIdProblem(nodeId) is { } problem)
        {
            query.Add("node_id", problem);
        }
        var limit = query.Limit(100, 1000);
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        if (cipher.Key is null)
        {
            return NotConfigured();
        }
        return ApiResults.Ok(await store.ListAsync(nodeId, limit, cancellationToken), CredentialsJsonContext.Default.ApiEnvelopeIReadOnlyListCredentialView);
    }

    private static async Task<IResult> DriftAsync(HttpRequest request, CredentialSync sync, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var nodeId = query.String("node_id");
        if (nodeId is not null && HalOSwarm.Protocol.ProtocolLimits.NodeIdProblem(nodeId) is { } problem)
        {
            query.Add("node_id", problem);
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var all = await sync.ListAsync(cancellationToken);
        IReadOnlyList<NodeCredentialSync> shown = nodeId is null ? all : [.. all.Where(n => n.NodeId == nodeId)];
        return ApiResults.Ok(shown, CredentialsJsonContext.Default.ApiEnvelopeIReadOnlyListNodeCredentialSync);
    }

    public static IResult NotConfigured() =>
        ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, CredentialCipher.NotConfigured, "credentials_not_configured");
}
