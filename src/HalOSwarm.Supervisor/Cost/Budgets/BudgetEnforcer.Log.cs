namespace HalOSwarm.Supervisor.Cost.Budgets;

internal sealed partial class BudgetEnforcer
{
    [LoggerMessage(Level = LogLevel.Warning, EventName = "budget.enforcing", Message = "Budget {budget} at 100 %: {action} ({reason})")]
    private static partial void LogEnforcing(ILogger logger, string budget, string action, string reason);

    [LoggerMessage(Level = LogLevel.Information, EventName = "budget.acted",
        Message = "Budget {budget}: {type} session {session_id} (command {command_id}): {reason}")]
    private static partial void LogActed(ILogger logger, string budget, string type, string session_id, string command_id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "budget.refused",
        Message = "Budget {budget}: {type} for session {session_id} was refused: {reason}")]
    private static partial void LogRefused(ILogger logger, string budget, string type, string session_id, string reason);
}
