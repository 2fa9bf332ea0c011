using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>Lists every problem of the <c>cost</c> section with its key; each part of the section checks its own keys.</summary>
internal sealed class CostOptionsValidator : IValidateOptions<CostOptions>
{
    public ValidateOptionsResult Validate(string? name, CostOptions options)
    {
        var errors = new List<string>();
        if (options.PollIntervalMinutes is < 1 or > 1440)
        {
            errors.Add($"cost.poll_interval_minutes: must be from 1 to 1440 minutes (was {options.PollIntervalMinutes})");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            errors.Add($"cost.time_zone: must be an IANA time zone such as UTC or Europe/Berlin (was '{options.TimeZone}')");
        }
        LedgerChecks.Check(options, errors);
        ProviderChecks.Check(options.Providers, errors);
        BudgetChecks.Check(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
