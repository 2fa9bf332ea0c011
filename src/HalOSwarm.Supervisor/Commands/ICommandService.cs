namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// How every other feature (API, CLI, policies, approvals, chat) asks for a command: the service resolves
/// the target, stores the command (idempotently), audits it, and delivers it to the agent when it can.
/// </summary>
internal interface ICommandService
{
    /// <summary>
    /// Stores and schedules the command, then waits up to <see cref="CommandSubmission.Wait"/> for it to
    /// finish (zero: return at once with the stored state). Throws <see cref="CommandRejectedException"/>
    /// when the target cannot be resolved or the arguments are invalid (nothing stored then).
    /// </summary>
    Task<CommandDto> SubmitAsync(CommandSubmission submission, CancellationToken cancellationToken);

    Task<CommandDto?> GetAsync(string commandId, CancellationToken cancellationToken);
}
