using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost;

internal static class CostServiceCollectionExtensions
{
    /// <summary>The <c>cost</c> section: the ledger, the providers' pollers, budgets and the forecast.</summary>
    public static IServiceCollection AddCost(this IServiceCollection services)
    {
        services.AddSupervisorOptions<CostOptions, CostOptionsValidator>(CostOptions.SectionName);
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

    /// <summary>The providers' usage and cost pollers and what they fetched.</summary>
    private static IServiceCollection AddProviderPollers(this IServiceCollection services)
    {
        services.AddSingleton<IProviderBilling, NoProviderBilling>();
        return services;
    }

    /// <summary>Budgets, their enforcement and the forecast.</summary>
    private static IServiceCollection AddBudgets(this IServiceCollection services) => services;
}
