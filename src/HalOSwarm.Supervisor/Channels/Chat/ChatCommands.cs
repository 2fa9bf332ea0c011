using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Tokens;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// The chat commands' entry: finds the command, checks the caller's role (a refusal is audited as
/// <c>chat.COMMAND</c>, result <c>forbidden</c>), matches the arguments, and hands over to the reading, acting and cost
/// commands. Bad input gets a polite answer with the usage, never an exception.
/// </summary>
internal sealed partial class ChatCommands(
    ChatAccess access,
    ChatReadCommands reads,
    ChatActCommands acts,
    ChatCostCommands costs,
    ChatSecrets secrets,
    IAuditLog audit,
    ILogger<ChatCommands> logger) : IChatCommands
{
    public IReadOnlyList<ChatCommandSpec> Commands => ChatCommandList.All;

    public async Task<ChatReply> RunAsync(ChatCaller caller, string command, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        secrets.Clean(await AnswerAsync(caller, command, args, cancellationToken));

    private async Task<ChatReply> AnswerAsync(ChatCaller caller, string command, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var name = command.Trim().TrimStart('/');
        if (ChatCommandList.Find(name) is not { } spec)
        {
            return Refuse($"There is no command /{ChatText.Shown(name)}. The commands: "
                + string.Join(", ", ChatCommandList.All.Select(c => "/" + c.Name)) + ".");
        }
        var identity = access.Resolve(caller);
        if (!ChatAccess.Allows(identity.Role, spec.Role))
        {
            var refusal = ChatAccess.Refusal(caller, identity, Doing(spec), spec.Role);
            var target = args.Count > 0 && spec.Options.Count > 0 ? ChatText.Shown(args[0]) : null;
            LogForbidden(logger, caller.Actor, spec.Name, identity.Role ?? "none");
            await audit.RecordAsync(new AuditEntry(caller.Actor, "chat." + spec.Name, target, null, "forbidden",
                identity.Role is null ? "not in channels.users" : $"needs {spec.Role}, has {identity.Role}"), CancellationToken.None);
            return Refuse(refusal);
        }
        var parsed = ChatArgs.Parse(spec, args);
        if (parsed.Problem is { } problem)
        {
            return Usage(spec, problem);
        }
        return spec.Name switch
        {
            ChatCommandList.Status => await reads.StatusAsync(parsed["project"], cancellationToken),
            ChatCommandList.Nodes => await reads.NodesAsync(cancellationToken),
            ChatCommandList.Logs => await reads.LogsAsync(parsed["session"]!, parsed.Integer("n"), cancellationToken),
            ChatCommandList.Cost => await costs.CostAsync(parsed["period"], cancellationToken),
            ChatCommandList.Approvals => await costs.ApprovalsAsync(cancellationToken),
            ChatCommandList.Budget => await costs.BudgetAsync(parsed["name"], cancellationToken),
            _ => await acts.RunAsync(caller, identity, spec, parsed, cancellationToken),
        };
    }

    public async Task<IReadOnlyList<string>> SuggestSessionsAsync(ChatCaller caller, string prefix, int limit, CancellationToken cancellationToken)
    {
        if (!ChatAccess.Allows(access.Resolve(caller).Role, TokenRoles.Viewer))
        {
            return [];
        }
        return await reads.SuggestAsync(prefix, Math.Clamp(limit, 1, ChatLimits.MaxSuggestions), cancellationToken);
    }

    /// <summary>The answer to arguments that do not fit: what was wrong and how the command is used.</summary>
    public static ChatReply Usage(ChatCommandSpec spec, string problem) =>
        Refuse($"{problem}. Usage: {ChatCommandList.Usage(spec)} ({spec.Description}).");

    public static ChatReply Refuse(string text) => new(text, Ephemeral: true, Refused: true);

    private static string Doing(ChatCommandSpec spec) => spec.Role == TokenRoles.Viewer
        ? $"use /{spec.Name}"
        : $"run /{spec.Name} (it acts on sessions)";
}
