using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.ClientApi;

internal sealed partial class ClientConnection
{
    /// <summary>
    /// <c>{"type":"command","id":…,"command":{the body of POST /api/v1/commands}}</c>: the same role (operator), the same
    /// checks and the same <see cref="ICommandService"/> as the HTTP endpoint, as the token's actor. Answered with
    /// <c>command.accepted</c> once stored and <c>command.result</c> when it ends (or an <c>error</c> when refused).
    /// </summary>
    private async Task CommandAsync(string id, JsonElement root)
    {
        if (!(await _authorization.AuthorizeAsync(_caller.User, null, SupervisorPolicies.Operator)).Succeeded)
        {
            LogForbidden(_logger, _caller.Actor);
            Send(ClientMessages.Error(id, ClientErrorCodes.Forbidden,
                $"a command needs a token with the role operator or admin; this token's role is {_caller.Role}"));
            return;
        }
        if (!root.TryGetProperty("command", out var given) || given.ValueKind != JsonValueKind.Object)
        {
            Send(ClientMessages.Error(id, ClientErrorCodes.InvalidMessage,
                "command: is required, an object like the body of POST /api/v1/commands ({\"type\", \"session_id\"?, \"project\"?, \"node_id\"?, \"args\"?, \"idempotency_key\"?})"));
            return;
        }
        if (Volatile.Read(ref _openCommands) >= ClientSocketLimits.MaxOpenCommands)
        {
            Send(ClientMessages.Error(id, ClientErrorCodes.TooManyCommands,
                $"a connection follows at most {ClientSocketLimits.MaxOpenCommands} commands at once; wait for a command.result"));
            return;
        }
        CommandBody? body;
        try
        {
            body = given.Deserialize(ApiJsonContext.Default.CommandBody);
        }
        catch (JsonException ex)
        {
            Refuse(id, [new FieldError("command", ex.Message)]);
            return;
        }
        if (string.IsNullOrEmpty(body?.Type))
        {
            Refuse(id, [new FieldError("type", $"is required (one of {string.Join(", ", CommandKinds.All)})")]);
            return;
        }
        var submission = new CommandSubmission(body.Type, body.SessionId, body.Project, body.NodeId, body.Args ?? default, _caller.Actor,
            body.IdempotencyKey, TimeSpan.Zero, _caller.SourceAddress, CorrelationId: CorrelationIds.New());
        // The HTTP endpoint's own checks, before anything is stored or audited.
        if ((SubmissionCheck.Problem(submission) ?? CommandArgs.SizeProblem(submission.Args, _maxPromptBytes)) is { } problem)
        {
            Refuse(id, [problem]);
            return;
        }
        CommandDto stored;
        try
        {
            stored = await _commands.SubmitAsync(submission, _closing.Token);
        }
        catch (CommandRejectedException ex)
        {
            Send(ClientMessages.Error(id, ex.Code, ex.Message));
            return;
        }
        catch (OperationCanceledException)
        {
            return; // the connection is closing
        }
        Send(ClientMessages.CommandAccepted(id, stored));
        Interlocked.Increment(ref _openCommands);
        lock (_followers)
        {
            _followers.RemoveAll(f => f.IsCompleted);
            _followers.Add(FollowAsync(id, stored));
        }
    }

    /// <summary>Waits for the command's final state and sends it; after <see cref="ClientSocketLimits.FollowLimit"/>, its state then.</summary>
    private async Task FollowAsync(string id, CommandDto command)
    {
        try
        {
            var deadline = _timeProvider.GetUtcNow() + ClientSocketLimits.FollowLimit;
            while (!CommandStates.IsTerminal(command.State))
            {
                var left = deadline - _timeProvider.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    break;
                }
                command = await _dispatcher.WaitAsync(command.CommandId, left, _closing.Token) ?? command;
                if (!CommandStates.IsTerminal(command.State))
                {
                    // Held by a gate (a paused budget): nothing to wait on until it is released; look again shortly.
                    await Task.Delay(ClientSocketLimits.HeldPollInterval, _timeProvider, _closing.Token);
                }
            }
            Send(ClientMessages.CommandResult(id, command, CommandStates.IsTerminal(command.State)));
        }
        catch (OperationCanceledException)
        {
            // The connection is closing; the command goes on and GET /api/v1/commands/{id} tells its outcome.
        }
        finally
        {
            Interlocked.Decrement(ref _openCommands);
        }
    }

    private void Refuse(string id, IReadOnlyList<FieldError> errors) =>
        Send(ClientMessages.Error(id, ClientErrorCodes.InvalidRequest,
            "invalid request: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors));
}
