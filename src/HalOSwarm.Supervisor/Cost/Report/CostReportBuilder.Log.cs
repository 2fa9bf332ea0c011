namespace HalOSwarm.Supervisor.Cost.Report;

internal static partial class CostReportBuilder
{
    [LoggerMessage(Level = LogLevel.Warning, EventName = "cost.report.billing_unreadable",
        Message = "Cost report: the providers' billed amounts could not be read; the report marks every provider degraded and serves the ledger's side")]
    private static partial void LogBillingUnreadable(ILogger logger, Exception exception);
}
