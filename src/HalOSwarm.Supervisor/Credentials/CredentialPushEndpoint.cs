using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Observability;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// <c>POST /api/v1/credentials/push</c>: checks the body, stores the next version encrypted, audits it
/// (<c>credentials.push</c>: node, tool, kind, version) and submits a <c>credentials_push</c> command whose stored args are
/// only <c>{tool, version}</c>; the content joins them on the wire (<see cref="CredentialDelivery"/>). Waits up to
/// <c>?wait=</c> seconds (default 30) for the node's answer. A refused request stores nothing.
/// </summary>
internal static partial class CredentialPushEndpoint
{
    public static async Task<IResult> PushAsync(HttpRequest request, CredentialStore store, CredentialCipher cipher, NodeQueries nodes,
        ICommandService commands, IAuditLog audit, TimeProvider timeProvider, ILogger<CredentialStore> logger, CancellationToken cancellationToken)
    {
        if (cipher.Key is null)
        {
            return CredentialsApi.NotConfigured();
        }
        var (body, bodyError) = await RequestBody.ReadAsync(request, CredentialsJsonContext.Default.CredentialPushRequest,
            new CredentialPushRequest(null, null, null, null, null), cancellationToken);
        if (bodyError is not null)
        {
            // The parser's message may quote the body; only where it failed is kept.
            return ApiErrors.Invalid([new FieldError("body", "is not valid JSON for this request (an object with node_id, tool, kind, content or env of strings)")]);
        }
        var (errors, tooLarge, kind) = CredentialPushCheck.Check(body!);
        var query = new QueryReader(request.Query);
        var wait = query.Long("wait") ?? CredentialsApi.DefaultWaitSec;
        if (wait > 600)
        {
            errors.Add(new FieldError("wait", "must be at most 600 seconds"));
        }
        errors.AddRange(query.Errors);
        var actor = ApiCaller.Actor(request, out var actorError);
        if (actorError is not null)
        {
            errors.Add(new FieldError(ApiCaller.ActorHeader, actorError));
        }
        if (tooLarge is not null)
        {
            return ApiErrors.TooLarge(tooLarge);
        }
        if (errors.Count > 0)
        {
            return ApiErrors.Invalid(errors);
        }
        if (await nodes.GetAsync(body!.NodeId!, cancellationToken) is null)
        {
            return ApiErrors.NotFound($"no node '{body.NodeId}' (a node is known once its agent connected)");
        }
        var secret = JsonSerializer.SerializeToUtf8Bytes(new CredentialSecret(body.Content, body.Env), CredentialsJsonContext.Default.CredentialSecret);
        int version;
        try
        {
            version = await store.InsertAsync(new CredentialInsert(body.NodeId!, body.Tool!, kind!, timeProvider.GetUtcNow(), actor!,
                v => cipher.Encrypt(secret, body.NodeId!, body.Tool!, v, kind!)), cancellationToken);
        }
        finally
        {
            Array.Clear(secret);
        }
        var source = ApiCaller.SourceAddress(request.HttpContext);
        await audit.RecordAsync(new AuditEntry(actor!, "credentials.push", body.NodeId,
            JsonSerializer.SerializeToElement(new CredentialAuditArgs(body.NodeId!, body.Tool!, kind!, version), CredentialsJsonContext.Default.CredentialAuditArgs),
            "ok", SourceAddress: source), CancellationToken.None);
        LogStored(logger, body.NodeId!, body.Tool!, kind!, version, actor!);
        var args = JsonSerializer.SerializeToElement(new CredentialPushArgs(body.Tool!, version), CredentialsJsonContext.Default.CredentialPushArgs);
        var correlationId = CorrelationIds.New();
        request.HttpContext.Response.Headers[CorrelationIds.Header] = correlationId;
        CommandDto command;
        try
        {
            command = await commands.SubmitAsync(new CommandSubmission(CommandTypes.CredentialsPush, null, null, body.NodeId, args, actor!,
                Wait: TimeSpan.FromSeconds(wait), SourceAddress: source, CorrelationId: correlationId), cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            return ApiErrors.Error(ex.Code == "not_found" ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict,
                $"credentials {body.Tool} v{version} are stored but could not be sent: {ex.Message}", ex.Code);
        }
        var shown = CommandViews.Public(command);
        var result = new CredentialPushResult(body.NodeId!, body.Tool!, kind!, version, shown);
        return command.State switch
        {
            CommandStates.Succeeded => ApiResults.Ok(result, CredentialsJsonContext.Default.ApiEnvelopeCredentialPushResult),
            CommandStates.TimedOut => ApiErrors.CommandTimeout($"credentials {body.Tool} v{version}: command {command.CommandId} timed out: {command.Error}", command),
            CommandStates.Failed or CommandStates.Cancelled => ApiErrors.CommandFailed(
                $"credentials {body.Tool} v{version}: command {command.CommandId} {command.State}: {command.Error ?? command.ErrorCode ?? "no reason given"}", command),
            _ => TypedResults.Json(new ApiEnvelope<CredentialPushResult>(result, ApiMeta.Empty), CredentialsJsonContext.Default.ApiEnvelopeCredentialPushResult,
                statusCode: StatusCodes.Status202Accepted),
        };
    }
}
