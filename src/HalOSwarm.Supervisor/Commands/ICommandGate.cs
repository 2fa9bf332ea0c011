namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// A check another feature puts in front of every command (budgets: <c>block_new</c>, <c>pause</c>). The command service
/// asks each gate once the target is resolved and the arguments are checked, before anything is stored: null lets the
/// command through, a verdict refuses it (nothing stored, audited as rejected) or holds it (stored as <c>held</c>, not
/// sent until <see cref="CommandService.ReleaseHeldAsync"/>).
/// </summary>
internal interface ICommandGate
{
    Task<CommandGateVerdict?> CheckAsync(string type, ResolvedTarget target, CancellationToken cancellationToken);
}
