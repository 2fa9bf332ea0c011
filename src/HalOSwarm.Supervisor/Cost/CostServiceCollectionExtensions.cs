using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Cost.Budgets;
using HalOSwarm.Supervisor.Cost.Forecast;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Cost.Providers;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost;

internal static class CostServiceCollectionExtensions
{
    /// <summary>The <c>cost</c> section: the ledger, the providers' pollers, budgets and the forecast.</summary>
    public static IServiceCollection AddCost(this IServiceCollection services)
    {
        services.AddSupervisorOptions<CostOptions, CostOptionsValidator>(CostOptions.SectionName, notes: ProviderChecks.Notes);
        services.AddSingleton<CostCalendar>();
        services.AddCostLedger();
        services.AddProviderPollers();
        services.AddBudgets();
        return services;
    }

    /// <summary>The ledger: usage booked per hour and day, the report and its API.</summary>
    private static IServiceCollection AddCostLedger(this IServiceCollection services)
    {
        services.AddSingleton<ICostTotals, CostLedgerTotals>();
        services.AddSingleton<SessionCostQueries>();
        services.AddEventProjection<CostLedgerProjection>();
        services.AddWriteParticipant<CostLedgerProjection>();
        return services;
    }

    /// <summary>
    /// The providers' usage and cost pollers and what they fetched: one named HTTP client per provider (no request
    /// logging: the poller logs state changes), the poller, its tables and the billing the report reads.
    /// </summary>
    private static IServiceCollection AddProviderPollers(this IServiceCollection services)
    {
        foreach (var name in new[] { AnthropicBillingSource.HttpClientName, OpenAIBillingSource.HttpClientName })
        {
            // Answers are read whole, up to a bound.
            services.AddOutboundHttpClient(name, http =>
                {
                    http.Timeout = TimeSpan.FromSeconds(30);
                    http.MaxResponseContentBufferSize = ProviderHttp.MaxResponseBytes;
                });
        }
        services.AddSingleton<IProviderSource, AnthropicBillingSource>();
        services.AddSingleton<IProviderSource, OpenAIBillingSource>();
        services.AddSingleton<ProviderStatusBoard>();
        services.AddSingleton<ProviderBillingQueries>();
        services.AddSingleton<ProviderPoller>();
        services.AddLeaderService<ProviderPoller>();
        services.AddWriteHandler<ProviderPollStored, ProviderPollWriteHandler>();
        services.AddSingleton<IProviderBilling, ProviderBilling>();
        return services;
    }

    /// <summary>
    /// Budgets (config written at start, the API's kept), their evaluation every few seconds and on booked usage, the command
    /// gate of block_new and pause, and the forecast.
    /// </summary>
    private static IServiceCollection AddBudgets(this IServiceCollection services)
    {
        services.AddSingleton<CostForecast>();
        services.AddSingleton<BudgetStore>();
        services.AddWriteHandler<BudgetUpsert, BudgetWriteHandler>();
        services.AddWriteHandler<BudgetDelete, BudgetWriteHandler>();
        services.AddWriteHandler<BudgetLift, BudgetWriteHandler>();
        services.AddWriteHandler<BudgetConfigSync, BudgetWriteHandler>();
        services.AddWriteHandler<BudgetMark, BudgetWriteHandler>();
        services.AddHostedService<BudgetConfigLoader>();
        services.AddSingleton<BudgetSignal>();
        services.AddEventProjection<BudgetUsageProjection>();
        services.AddWriteParticipant<BudgetUsageProjection>();
        services.AddSingleton<BudgetMeter>();
        services.AddSingleton<BudgetScopes>();
        services.AddSingleton<BudgetViews>();
        services.AddSingleton<BudgetGate>();
        services.AddSingleton<ICommandGate>(sp => sp.GetRequiredService<BudgetGate>());
        services.AddSingleton<Placement.INodeQuota, BudgetQuota>();
        services.AddSingleton<BudgetMarks>();
        services.AddSingleton<BudgetEnforcer>();
        services.AddSingleton<BudgetHolds>();
        services.AddLeaderService<BudgetEvaluator>();
        return services;
    }
}
