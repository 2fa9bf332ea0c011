using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Observability;

namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>
/// The session page's buttons as commands: the same checks as <c>CommandsApi</c> (identifier rules, prompt size), then
/// <see cref="ICommandService"/> without waiting; the page follows the stored command to its end.
/// </summary>
internal static class SessionCommands
{
    /// <summary>The stored command, or why it was refused (nothing stored then).</summary>
    public static async Task<(CommandDto? Command, string? Error)> SubmitAsync(ICommandService commands, CommandsOptions limits, string type,
        string sessionId, string? promptText, string actor, CancellationToken ct)
    {
        var args = promptText is null
            ? default
            : JsonSerializer.SerializeToElement(new PromptRequest(promptText), ApiJsonContext.Default.PromptRequest);
        var submission = new CommandSubmission(type, sessionId, null, null, args, actor, CorrelationId: CorrelationIds.New());
        if ((SubmissionCheck.Problem(submission) ?? CommandArgs.SizeProblem(submission.Args, limits.MaxPromptBytes)) is { } problem)
        {
            return (null, $"{problem.Field} {problem.Message}");
        }
        try
        {
            return (await commands.SubmitAsync(submission, ct), null);
        }
        catch (CommandRejectedException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>How a command ended or stands, in words.</summary>
    public static string Describe(CommandDto command) => command.State switch
    {
        CommandStates.Succeeded => $"{command.Type} succeeded",
        CommandStates.Failed or CommandStates.Cancelled or CommandStates.TimedOut =>
            $"{command.Type} {command.State.Replace('_', ' ')}: {command.Error ?? command.ErrorCode ?? "no reason given"}",
        _ => $"{command.Type} {command.State}…",
    };
}
