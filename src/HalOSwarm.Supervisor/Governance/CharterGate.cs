using System.Globalization;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// The charter's limits in front of the command service: a <c>start</c> is refused (409 <c>charter_limit</c>) while its
/// node runs <c>max_sessions_per_node</c> active sessions or its project <c>max_sessions_per_project</c>; a <c>prompt</c>,
/// <c>inject</c> or <c>resume</c> while its session took <c>max_prompts_per_hour</c> in the last hour. The reason names the
/// rule's key and the count; each refusal records a <c>charter.violation</c>. Counts are read at the moment of the command
/// (two starts at the same instant may both pass).
/// </summary>
internal sealed class CharterGate(CharterBook book, CharterCounts counts, CharterViolations violations, TimeProvider timeProvider) : ICommandGate
{
    public const string RefusedCode = "charter_limit";

    private static readonly TimeSpan s_promptWindow = TimeSpan.FromHours(1);

    public async Task<CommandGateVerdict?> CheckAsync(string type, ResolvedTarget target, CancellationToken cancellationToken)
    {
        var charter = book.For(target.Project);
        if (type == CommandTypes.Start)
        {
            if (charter.Limit(Charter.MaxSessionsPerNode) is { } perNode
                && await counts.ActiveOnNodeAsync(target.NodeId, cancellationToken) is var onNode && onNode >= perNode.Value)
            {
                return await RefuseAsync(perNode, CharterViolationKinds.SessionsPerNode, type, target,
                    Invariant($"{target.NodeId} already runs {onNode} active sessions of {perNode.Value}"), cancellationToken);
            }
            if (target.Project is { } project && charter.Limit(Charter.MaxSessionsPerProject) is { } perProject
                && await counts.ActiveInProjectAsync(project, cancellationToken) is var inProject && inProject >= perProject.Value)
            {
                return await RefuseAsync(perProject, CharterViolationKinds.SessionsPerProject, type, target,
                    Invariant($"project {project} already runs {inProject} active sessions of {perProject.Value}"), cancellationToken);
            }
            return null;
        }
        if (type is CommandTypes.Prompt or CommandTypes.Inject or CommandKinds.Resume && target.SessionId is { } sessionId
            && charter.Limit(Charter.MaxPromptsPerHour) is { } perHour
            && await counts.PromptsSinceAsync(sessionId, timeProvider.GetUtcNow() - s_promptWindow, cancellationToken) is var prompts
            && prompts >= perHour.Value)
        {
            return await RefuseAsync(perHour, CharterViolationKinds.PromptsPerHour, type, target,
                Invariant($"session {sessionId} already took {prompts} prompts in the last hour of {perHour.Value}"), cancellationToken);
        }
        return null;
    }

    private async Task<CommandGateVerdict> RefuseAsync(CharterLimit limit, string kind, string type, ResolvedTarget target, string detail,
        CancellationToken cancellationToken)
    {
        await violations.RecordAsync(new CharterViolationData(limit.Key, kind, target.NodeId, target.Project, target.SessionId, detail, CommandType: type),
            cancellationToken);
        return new CommandGateVerdict(false, RefusedCode, $"{limit.Key}: {detail}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
