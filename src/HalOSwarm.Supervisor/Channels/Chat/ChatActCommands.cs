using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Sessions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// <c>/start</c>, <c>/inject</c>, <c>/resume</c>, <c>/restart</c>, <c>/kill</c>, <c>/abort</c>: each goes through
/// <see cref="ICommandService"/> with the caller as actor (so it is stored, audited as <c>command.TYPE</c> by
/// <c>chat:PLATFORM:ID</c>, and delivered like any other), waits <see cref="ChatLimits.ActionWait"/> for the agent, and
/// says what happened.
/// </summary>
internal sealed class ChatActCommands(ICommandService commands, SessionQueries sessions, IOptions<CommandsOptions> options)
{
    public async Task<ChatReply> RunAsync(ChatCaller caller, ChatIdentity identity, ChatCommandSpec spec, ChatArgs args, CancellationToken cancellationToken)
    {
        var type = spec.Name switch
        {
            ChatCommandList.Start => CommandTypes.Start,
            ChatCommandList.Inject => CommandTypes.Inject,
            ChatCommandList.Resume => CommandKinds.Resume,
            ChatCommandList.Restart => CommandKinds.Restart,
            ChatCommandList.Kill => CommandTypes.Kill,
            _ => CommandTypes.Abort,
        };
        string? sessionId = null, project = null;
        JsonElement body = default;
        if (type == CommandTypes.Start)
        {
            project = args["project"]!;
            if (!ProtocolLimits.IsProjectName(project))
            {
                return ChatCommands.Usage(spec, $"'{ChatText.Shown(project)}' is not a project name");
            }
            body = JsonSerializer.SerializeToElement(new StartArgs(args["prompt"], null, null), ApiJsonContext.Default.StartArgs);
        }
        else
        {
            sessionId = args["session"]!;
            if (await sessions.GetAsync(sessionId, cancellationToken) is null)
            {
                return ChatReadCommands.UnknownSession(sessionId);
            }
            if (type == CommandTypes.Inject)
            {
                body = JsonSerializer.SerializeToElement(new PromptRequest(args["text"]), ApiJsonContext.Default.PromptRequest);
            }
        }
        if (body.ValueKind != JsonValueKind.Undefined && CommandArgs.SizeProblem(body, options.Value.MaxPromptBytes) is { } tooBig)
        {
            return ChatCommands.Usage(spec, $"{tooBig.Field} {tooBig.Message}");
        }
        var target = sessionId ?? project!;
        CommandDto done;
        try
        {
            done = await commands.SubmitAsync(new CommandSubmission(type, sessionId, project, null, body, caller.Actor, Wait: ChatLimits.ActionWait),
                cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            return ChatCommands.Refuse($"Could not {spec.Name} {ChatText.Shown(target)}: {ex.Message}.");
        }
        var by = $"{identity.Name} ({ChatPlatforms.DisplayName(caller.Platform)})";
        return new ChatReply(ChatCommandOutcome.Words(spec.Name, target, done, by), Title: $"/{spec.Name} {ChatText.Shown(target)}",
            Fields: [new("Command", done.CommandId), new("State", done.State), new("Node", done.NodeId)]);
    }
}
