using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>
/// The <c>cost</c> section: the seed's keys (<c>poll_interval_minutes</c>, <c>providers.anthropic.admin_api_key</c>,
/// <c>providers.openai.org_api_key</c>) plus the time zone of daily windows, rates, accounts, budgets and the forecast.
/// </summary>
internal sealed class CostOptions
{
    public const string SectionName = "cost";

    /// <summary>How often the providers' usage and cost APIs are polled.</summary>
    [ConfigurationKeyName("poll_interval_minutes")]
    public int PollIntervalMinutes { get; set; } = 60;

    /// <summary>IANA time zone whose midnight starts a day (daily, weekly and monthly windows; the local day of the ledger).</summary>
    [ConfigurationKeyName("time_zone")]
    public string TimeZone { get; set; } = "UTC";

    [ConfigurationKeyName("providers")]
    public CostProvidersOptions Providers { get; set; } = new();

    /// <summary>Prices per million tokens by model, for usage the program reported no cost for; first match wins.</summary>
    [ConfigurationKeyName("rates")]
    public List<ModelRateOptions> Rates { get; set; } = [];

    /// <summary>Sets of credentials usage is booked to; first match wins, unmatched usage goes to the provider's default account.</summary>
    [ConfigurationKeyName("accounts")]
    public List<CostAccountOptions> Accounts { get; set; } = [];

    /// <summary>Budgets from config, written to the database at every start (the API manages the others).</summary>
    [ConfigurationKeyName("budgets")]
    public List<BudgetOptions> Budgets { get; set; } = [];

    [ConfigurationKeyName("forecast")]
    public ForecastOptions Forecast { get; set; } = new();

    /// <summary>Projects whose sessions a budget's <c>kill</c> stops last.</summary>
    [ConfigurationKeyName("critical_projects")]
    public List<string> CriticalProjects { get; set; } = [];
}
