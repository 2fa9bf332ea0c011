using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// <c>/api/v1/approvals</c>: list and read permission requests, approve (once or always) or deny one. An answer goes to
/// the agent as a <c>permission_reply</c> command; the response waits up to <see cref="AnswerWaitSec"/> s for it.
/// </summary>
internal static class ApprovalsApi
{
    public const int AnswerWaitSec = 15;

    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/approvals", ListAsync);
        endpoints.MapGet("/approvals/{approvalId}", GetAsync);
        var answering = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Operator);
        answering.MapPost("/approvals/{approvalId}/approve", ApproveAsync);
        answering.MapPost("/approvals/{approvalId}/deny", (string approvalId, HttpRequest request, ApprovalService service, CancellationToken ct) =>
            AnswerAsync(approvalId, ApprovalReplies.Reject, "approval.deny", request, service, ct));
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ApprovalStore store, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var state = query.OneOf("state", [.. ApprovalStates.All]);
        var sessionId = query.String("session_id");
        var limit = query.Limit();
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        var list = await store.ListAsync(state, sessionId, limit, cancellationToken);
        return ApiResults.Ok(list, ApiJsonContext.Default.ApiEnvelopeIReadOnlyListApprovalDto);
    }

    private static async Task<IResult> GetAsync(string approvalId, ApprovalStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(approvalId, cancellationToken) is { } approval
            ? ApiResults.Ok(approval, ApiJsonContext.Default.ApiEnvelopeApprovalDto)
            : ApiErrors.NotFound($"approval '{approvalId}' not found");

    private static async Task<IResult> ApproveAsync(string approvalId, HttpRequest request, ApprovalService service, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.ApproveRequest, new ApproveRequest(null), cancellationToken);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        var reply = body!.Always == true ? ApprovalReplies.Always : ApprovalReplies.Once;
        return await AnswerAsync(approvalId, reply, "approval.approve", request, service, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(string approvalId, string reply, string action, HttpRequest request, ApprovalService service,
        CancellationToken cancellationToken)
    {
        if (ApiCaller.Actor(request, out var actorError) is not { } actor)
        {
            return ApiErrors.Invalid([new FieldError(ApiCaller.ActorHeader, actorError!)]);
        }
        var outcome = await service.AnswerAsync(approvalId, reply, ApprovalStates.ForOperator(reply), actor, action, null,
            ApiCaller.SourceAddress(request.HttpContext), TimeSpan.FromSeconds(AnswerWaitSec), cancellationToken);
        if (outcome.Approval is not { } approval)
        {
            return ApiErrors.NotFound($"approval '{approvalId}' not found");
        }
        if (!outcome.Answered)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict,
                $"approval '{approvalId}' was answered already ({approval.State} by {approval.AnsweredBy})", "already_answered");
        }
        if (outcome.Error is { } sendError)
        {
            return outcome.Command is { } command
                ? ApiErrors.CommandFailed($"approval '{approvalId}' is {approval.State}, but the agent did not take the answer: {sendError}", command)
                : ApiErrors.Error(StatusCodes.Status409Conflict, $"approval '{approvalId}' is {approval.State}, but the answer could not be sent: {sendError}",
                    "conflict");
        }
        return ApiResults.Ok(approval, ApiJsonContext.Default.ApiEnvelopeApprovalDto);
    }
}
