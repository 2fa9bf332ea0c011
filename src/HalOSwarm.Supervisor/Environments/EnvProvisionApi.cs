using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Provisioning under <c>/api/v1/env</c>: provision a project (safe fixes now, installs proposed; dry run), sync AGENT.md,
/// and the install proposals — listed by viewers, approved or rejected by operators. Every change is audited.
/// </summary>
internal static class EnvProvisionApi
{
    public const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapEnvProvisionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/env/proposals", ListAsync);
        var operators = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Operator);
        operators.MapPost("/env/proposals/{id}/approve", (string id, HttpRequest request, EnvProposalDecisions decisions, CancellationToken ct) =>
            DecideAsync(id, request, (actor) => decisions.ApproveAsync(id, actor, ct)));
        operators.MapPost("/env/proposals/{id}/reject", (string id, HttpRequest request, EnvProposalDecisions decisions, CancellationToken ct) =>
            DecideAsync(id, request, (actor) => decisions.RejectAsync(id, actor, ct)));
        operators.MapPost("/env/{project}/provision", ProvisionAsync);
        operators.MapPost("/env/{project}/agents-md/sync", SyncAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, EnvProposalStore store, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var state = query.String("state");
        var nodeId = query.String("node_id");
        var project = query.String("project");
        var limit = query.Limit(100, 500);
        var errors = query.Errors.ToList();
        if (state is not null && !EnvProposalStates.All.Contains(state))
        {
            errors.Add(new FieldError("state", $"one of {string.Join(", ", EnvProposalStates.All)}"));
        }
        if (nodeId is not null && ProtocolLimits.NodeIdProblem(nodeId) is { } nodeProblem)
        {
            errors.Add(new FieldError("node_id", nodeProblem));
        }
        if (project is not null && !ProtocolLimits.IsProjectName(project))
        {
            errors.Add(new FieldError("project", ProjectRule));
        }
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(errors);
        }
        var list = await store.ListAsync(state, nodeId, project, limit, cancellationToken);
        return ApiResults.Ok(list, EnvProvisionJsonContext.Default.ApiEnvelopeIReadOnlyListEnvProposal);
    }

    private static async Task<IResult> DecideAsync(string id, HttpRequest request, Func<string, Task<EnvDecisionResult>> decide)
    {
        var actor = ApiCaller.Actor(request, out var actorError);
        var errors = new List<FieldError>();
        if (!IsProposalId(id))
        {
            errors.Add(new FieldError("id", "proposal ids are envp_ and 16 of 0-9 a-f"));
        }
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(errors);
        }
        try
        {
            return ApiResults.Ok(await decide(actor!), EnvProvisionJsonContext.Default.ApiEnvelopeEnvDecisionResult);
        }
        catch (EnvRequestException ex)
        {
            return Error(ex.Code, ex.Message);
        }
    }

    private static async Task<IResult> ProvisionAsync(string project, HttpRequest request, EnvProvisionTargets targets, EnvProvisioner provisioner,
        CancellationToken cancellationToken)
    {
        var (body, actor, refusal) = await ReadAsync(project, request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        try
        {
            var results = new List<EnvProvisionResult>();
            foreach (var (nodeId, hosted) in await targets.ResolveAsync(project, body!.NodeId, cancellationToken))
            {
                try
                {
                    results.Add(await provisioner.ProvisionAsync(nodeId, hosted, null, body.DryRun == true, auto: false, actor!, cancellationToken));
                }
                catch (Exception ex) when (ex is EnvCheckFailedException or CommandRejectedException or EnvRequestException)
                {
                    results.Add(new EnvProvisionResult { NodeId = nodeId, Project = project, DryRun = body.DryRun == true, Error = ex.Message, ErrorCode = Code(ex) });
                }
            }
            return ApiResults.Ok<IReadOnlyList<EnvProvisionResult>>(results, EnvProvisionJsonContext.Default.ApiEnvelopeIReadOnlyListEnvProvisionResult);
        }
        catch (EnvRequestException ex)
        {
            return Error(ex.Code, ex.Message);
        }
    }

    private static async Task<IResult> SyncAsync(string project, HttpRequest request, EnvProvisionTargets targets, EnvAgentsMdSync sync,
        CancellationToken cancellationToken)
    {
        var (body, actor, refusal) = await ReadAsync(project, request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (body!.DryRun is not null)
        {
            return ApiErrors.Invalid([new FieldError("dry_run", "a sync has no dry run (use provision --dry-run, or the status's diff)")]);
        }
        try
        {
            var results = new List<EnvSyncResult>();
            foreach (var (nodeId, hosted) in await targets.ResolveAsync(project, body.NodeId, cancellationToken))
            {
                try
                {
                    results.Add(new EnvSyncResult(nodeId, project, await sync.SyncAsync(nodeId, hosted, actor!, cancellationToken)));
                }
                catch (Exception ex) when (ex is CommandRejectedException || (ex is EnvRequestException { Code: not "conflict" }))
                {
                    results.Add(new EnvSyncResult(nodeId, project, null, ex.Message, Code(ex)));
                }
            }
            return ApiResults.Ok<IReadOnlyList<EnvSyncResult>>(results, EnvProvisionJsonContext.Default.ApiEnvelopeIReadOnlyListEnvSyncResult);
        }
        catch (EnvRequestException ex)
        {
            return Error(ex.Code, ex.Message);
        }
    }

    private static async Task<(EnvProvisionRequest? Body, string? Actor, IResult? Refusal)> ReadAsync(string project, HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, null, ApiErrors.TooLarge($"the body is at most {MaxBodyBytes} bytes"));
        }
        var (body, error) = await RequestBody.ReadAsync(request, EnvProvisionJsonContext.Default.EnvProvisionRequest, new EnvProvisionRequest(), cancellationToken);
        var actor = ApiCaller.Actor(request, out var actorError);
        var errors = new List<FieldError>();
        if (!ProtocolLimits.IsProjectName(project))
        {
            errors.Add(new FieldError("project", ProjectRule));
        }
        if (error is not null)
        {
            errors.Add(new FieldError("body", error));
        }
        else if (body!.NodeId is { } nodeId && ProtocolLimits.NodeIdProblem(nodeId) is { } nodeProblem)
        {
            errors.Add(new FieldError("node_id", nodeProblem));
        }
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        return errors.Count > 0 ? (null, null, ApiErrors.Invalid(errors)) : (body, actor, null);
    }

    private static string ProjectRule => $"must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'";

    private static bool IsProposalId(string id) =>
        id.Length == 21 && id.StartsWith("envp_", StringComparison.Ordinal) && id[5..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static string Code(Exception ex) => ex switch
    {
        EnvCheckFailedException failed => failed.Code,
        CommandRejectedException rejected => rejected.Code,
        EnvRequestException request => request.Code,
        _ => "internal",
    };

    private static IResult Error(string code, string message) => code switch
    {
        "not_found" => ApiErrors.NotFound(message),
        "node_offline" => ApiErrors.NodeOffline(message),
        "conflict" => ApiErrors.Error(StatusCodes.Status409Conflict, message, "conflict"),
        _ => ApiErrors.Error(StatusCodes.Status409Conflict, message, code),
    };
}
