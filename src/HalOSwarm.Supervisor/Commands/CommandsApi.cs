using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Observability;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Commands to agents: the generic <c>/api/v1/commands</c>, the per-session and per-project shortcuts, and reads.
/// Every submission goes through <see cref="ICommandService"/>, so all of them are stored, idempotent and audited.
/// </summary>
internal static class CommandsApi
{
    private const int ShortcutWaitSec = 30;

    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/commands", CommandQueriesApi.ListAsync);
        endpoints.MapGet("/commands/{commandId}", CommandQueriesApi.GetAsync);
        // Everything that sends a command to an agent (even one that only asks, like adoptable) acts: operators only.
        var acting = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Operator);
        acting.MapPost("/commands", SubmitAsync);
        acting.MapPost("/projects/{project}/start", StartAsync);
        acting.MapGet("/projects/{project}/adoptable", (string project, HttpRequest request, ICommandService commands, CancellationToken ct) =>
            RunAsync(request, new CommandSubmission(CommandTypes.ListAdoptable, null, project, request.Query["node_id"].FirstOrDefault(), default, ""),
                ShortcutWaitSec, commands, ct));
        acting.MapPost("/projects/{project}/adopt", AdoptAsync);
        acting.MapPost("/sessions/{sessionId}/prompt", (string sessionId, HttpRequest request, ICommandService commands, CancellationToken ct) =>
            PromptAsync(CommandTypes.Prompt, sessionId, request, commands, ct));
        acting.MapPost("/sessions/{sessionId}/inject", (string sessionId, HttpRequest request, ICommandService commands, CancellationToken ct) =>
            PromptAsync(CommandTypes.Inject, sessionId, request, commands, ct));
        acting.MapPost($"/sessions/{{sessionId}}/{CommandKinds.Restart}", RestartAsync);
        foreach (var type in new[] { CommandKinds.Resume, CommandTypes.Abort, CommandTypes.Kill, CommandTypes.Status })
        {
            acting.MapPost($"/sessions/{{sessionId}}/{type}", (string sessionId, HttpRequest request, ICommandService commands, CancellationToken ct) =>
                RunAsync(request, new CommandSubmission(type, sessionId, null, null, default, ""), ShortcutWaitSec, commands, ct));
        }
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, ICommandService commands, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.CommandBody, new CommandBody(null, null, null, null, null, null), ct);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        if (string.IsNullOrEmpty(body!.Type))
        {
            return ApiErrors.Invalid([new FieldError("type", $"is required (one of {string.Join(", ", CommandKinds.All)})")]);
        }
        if (body.Type == CommandTypes.CredentialsPush)
        {
            // Pushed credentials are stored encrypted and reach the agent only on the wire: never through these args.
            return ApiErrors.Invalid([new FieldError("type", "credentials_push is sent through POST /api/v1/credentials/push (admin), not /api/v1/commands")]);
        }
        var submission = new CommandSubmission(body.Type, body.SessionId, body.Project, body.NodeId, body.Args ?? default, "", body.IdempotencyKey);
        return await RunAsync(request, submission, 0, commands, ct);
    }

    private static async Task<IResult> StartAsync(string project, HttpRequest request, ICommandService commands, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.StartRequest, new StartRequest(null, null, null, null), ct);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        var args = JsonSerializer.SerializeToElement(new StartArgs(body!.Prompt, body.Title, body.Model) { Runtime = body.Runtime, Worktree = body.Worktree },
            ApiJsonContext.Default.StartArgs);
        return await RunAsync(request, new CommandSubmission(CommandTypes.Start, null, project, body.NodeId, args, ""), ShortcutWaitSec, commands, ct);
    }

    private static async Task<IResult> AdoptAsync(string project, HttpRequest request, ICommandService commands, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.AdoptRequest, new AdoptRequest(null, null), ct);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        if (string.IsNullOrEmpty(body!.ExternalId))
        {
            return ApiErrors.Invalid([new FieldError("external_id", "is required (GET /api/v1/projects/{project}/adoptable lists them)")]);
        }
        var args = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["external_id"] = body.ExternalId }, ApiJsonContext.Default.DictionaryStringString);
        return await RunAsync(request, new CommandSubmission(CommandTypes.Adopt, null, project, body.NodeId, args, ""), ShortcutWaitSec, commands, ct);
    }

    /// <summary>A restart; with a body <c>{"to_node": …}</c> a migration to another node.</summary>
    private static async Task<IResult> RestartAsync(string sessionId, HttpRequest request, ICommandService commands, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.RestartRequest, new RestartRequest(null), ct);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        var args = body!.ToNode is null ? default : JsonSerializer.SerializeToElement(body, ApiJsonContext.Default.RestartRequest);
        return await RunAsync(request, new CommandSubmission(CommandKinds.Restart, sessionId, null, null, args, ""), ShortcutWaitSec, commands, ct);
    }

    private static async Task<IResult> PromptAsync(string type, string sessionId, HttpRequest request, ICommandService commands, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.PromptRequest, new PromptRequest(null), ct);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        if (string.IsNullOrEmpty(body!.Text))
        {
            return ApiErrors.Invalid([new FieldError("text", "is required")]);
        }
        var args = JsonSerializer.SerializeToElement(body, ApiJsonContext.Default.PromptRequest);
        return await RunAsync(request, new CommandSubmission(type, sessionId, null, null, args, ""), ShortcutWaitSec, commands, ct);
    }

    /// <summary>
    /// Fills in the caller, key and wait from the request, submits, and maps the outcome to a response. A request that
    /// breaks a size or character limit is refused here, before anything is stored or audited.
    /// </summary>
    private static async Task<IResult> RunAsync(HttpRequest request, CommandSubmission submission, int defaultWaitSec, ICommandService commands, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var wait = query.Long("wait") ?? defaultWaitSec;
        if (wait > 600)
        {
            query.Add("wait", "must be at most 600 seconds");
        }
        var actor = ApiCaller.Actor(request, out var actorError);
        if (actorError is not null)
        {
            query.Add(ApiCaller.ActorHeader, actorError);
        }
        var correlationId = request.Headers[CorrelationIds.Header].ToString();
        if (correlationId.Length > 0 && CorrelationIds.Problem(correlationId) is { } correlationError)
        {
            query.Add(CorrelationIds.Header, correlationError);
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        correlationId = correlationId.Length > 0 ? correlationId : CorrelationIds.New();
        request.HttpContext.Response.Headers[CorrelationIds.Header] = correlationId;
        var headerKey = request.Headers["Idempotency-Key"].ToString();
        var full = submission with
        {
            Actor = actor!,
            SourceAddress = ApiCaller.SourceAddress(request.HttpContext),
            IdempotencyKey = submission.IdempotencyKey ?? (headerKey.Length > 0 ? headerKey : null),
            Wait = TimeSpan.FromSeconds(wait),
            CorrelationId = correlationId,
        };
        var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<CommandsOptions>>().Value;
        if ((SubmissionCheck.Problem(full) ?? CommandArgs.SizeProblem(full.Args, limits.MaxPromptBytes)) is { } problem)
        {
            return ApiErrors.Invalid([problem]);
        }
        try
        {
            return Outcome(await commands.SubmitAsync(full, ct));
        }
        catch (CommandRejectedException ex)
        {
            return ex.Code switch
            {
                "not_found" => ApiErrors.NotFound(ex.Message),
                "invalid_request" => ApiErrors.BadRequest(ex.Message),
                _ => ApiErrors.Error(StatusCodes.Status409Conflict, ex.Message, ex.Code),
            };
        }
    }

    private static IResult Outcome(CommandDto stored)
    {
        var command = CommandViews.Public(stored);
        return Outcome(command, stored.State);
    }

    private static IResult Outcome(CommandDto command, string state) => state switch
    {
        CommandStates.Succeeded => ApiResults.Ok(command, ApiJsonContext.Default.ApiEnvelopeCommandDto),
        CommandStates.TimedOut => ApiErrors.CommandTimeout($"command {command.CommandId} timed out: {command.Error}", command),
        CommandStates.Failed when command.ErrorCode == CommandErrorCodes.NodeOffline => ApiErrors.Error(StatusCodes.Status409Conflict,
            $"command {command.CommandId} failed: {command.Error}", "node_offline", new ApiErrorDetails { Command = command }),
        CommandStates.Failed or CommandStates.Cancelled =>
            ApiErrors.CommandFailed($"command {command.CommandId} {command.State}: {command.Error ?? command.ErrorCode ?? "no reason given"}", command),
        _ => TypedResults.Json(new ApiEnvelope<CommandDto>(command, ApiMeta.Empty), ApiJsonContext.Default.ApiEnvelopeCommandDto,
            statusCode: StatusCodes.Status202Accepted),
    };
}
