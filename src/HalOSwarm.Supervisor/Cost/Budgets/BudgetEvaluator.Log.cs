namespace HalOSwarm.Supervisor.Cost.Budgets;

internal sealed partial class BudgetEvaluator
{
    [LoggerMessage(Level = LogLevel.Warning, EventName = "budget.threshold", Message = "Budget {budget} crossed {threshold} %: {spend} of {limit}")]
    private static partial void LogThreshold(ILogger logger, string budget, int threshold, string spend, string limit);

    [LoggerMessage(Level = LogLevel.Information, EventName = "budget.forecast", Message = "Budget {budget} is predicted to reach its limit at {predicted_at}")]
    private static partial void LogForecast(ILogger logger, string budget, DateTimeOffset predicted_at);

    [LoggerMessage(Level = LogLevel.Information, EventName = "budget.released", Message = "Released {count} held commands")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, EventName = "budget.failed", Message = "Evaluating budget {budget} failed")]
    private static partial void LogFailed(ILogger logger, string budget, Exception exception);
}
