using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Budgets in front of the command service: while a <c>block_new</c> or <c>pause</c> budget is at 100 % (and not lifted),
/// <c>start</c> and <c>restart</c> in its scope are refused (409 <c>budget_exceeded</c>, with the reason); while a
/// <c>pause</c> budget is, <c>prompt</c>, <c>inject</c> and <c>resume</c> to its sessions are held. Spend is read at the
/// moment of the command, so a budget that was just crossed or changed applies to the very next one.
/// </summary>
internal sealed class BudgetGate(BudgetStore store, BudgetMeter meter, BudgetScopes scopes, TimeProvider timeProvider) : ICommandGate
{
    public const string RefusedCode = "budget_exceeded";
    public const string HeldCode = "budget_paused";

    public async Task<CommandGateVerdict?> CheckAsync(string type, ResolvedTarget target, CancellationToken cancellationToken)
    {
        var starts = type is CommandTypes.Start or CommandKinds.Restart;
        var prompts = type is CommandTypes.Prompt or CommandTypes.Inject or CommandKinds.Resume;
        if (!starts && !prompts)
        {
            return null;
        }
        var now = timeProvider.GetUtcNow();
        foreach (var budget in store.All)
        {
            var gates = budget.Action == BudgetActions.Pause || (starts && budget.Action == BudgetActions.BlockNew);
            if (!gates || budget.LiftedWindow is { } lifted && lifted == CurrentFirst(budget, now))
            {
                continue;
            }
            if (!await scopes.CoversAsync(budget.Scope, target, cancellationToken))
            {
                continue;
            }
            var reading = await meter.ReadAsync(budget, now, cancellationToken);
            if (!reading.Enforcing)
            {
                continue;
            }
            return starts
                ? new CommandGateVerdict(false, RefusedCode, $"{reading.Reason}; starting sessions in its scope is refused until then")
                : new CommandGateVerdict(true, HeldCode, $"held: {reading.Reason}; sent when the window resets or an admin lifts the budget");
        }
        return null;
    }

    private DateOnly CurrentFirst(Budget budget, DateTimeOffset now) => meter.Calendar.Window(budget.Window, now).First;
}
