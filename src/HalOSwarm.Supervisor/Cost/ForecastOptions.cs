using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The <c>cost.forecast</c> section: the spend rate's window and how far ahead a budget crossing is announced.</summary>
internal sealed class ForecastOptions
{
    [ConfigurationKeyName("window_minutes")]
    public int WindowMinutes { get; set; } = 60;

    [ConfigurationKeyName("horizon_hours")]
    public int HorizonHours { get; set; } = 24;
}
