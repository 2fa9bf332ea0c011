using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Sends the held commands whose gates no longer hold them (the budget's window reset, an admin lifted it, it was changed
/// or deleted), oldest first, through the command service.
/// </summary>
internal sealed class BudgetHolds(CommandStore commands, CommandService service, IEnumerable<ICommandGate> gates)
{
    private readonly ICommandGate[] _gates = [.. gates];

    /// <summary>How many held commands were released.</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var held in await commands.ListHeldAsync(cancellationToken))
        {
            var target = new ResolvedTarget(held.NodeId, held.SessionId, held.Project, null);
            var stillHeld = false;
            foreach (var gate in _gates)
            {
                stillHeld |= await gate.CheckAsync(held.Type, target, cancellationToken) is not null;
            }
            if (!stillHeld)
            {
                await service.ReleaseHeldAsync(held, cancellationToken);
                released++;
            }
        }
        return released;
    }
}
