using System.Globalization;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>Collects every problem of the <c>policies</c> sections, each with its full key.</summary>
internal sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        var errors = new List<string>();
        ServerOptionsValidator.CheckRange(errors, "policies.tick_seconds", options.TickSeconds, 1, 3600);

        CheckRule(errors, ResumeOnIdleOptions.SectionName, options.ResumeOnIdle);
        ServerOptionsValidator.CheckRange(errors, $"{ResumeOnIdleOptions.SectionName}.idle_seconds", options.ResumeOnIdle.IdleSeconds, 1, 7 * 86_400);

        var compaction = options.RestartOnCompaction;
        CheckRule(errors, RestartOnCompactionOptions.SectionName, compaction);
        ServerOptionsValidator.CheckRange(errors, $"{RestartOnCompactionOptions.SectionName}.max_compactions", compaction.MaxCompactions, 0, 1000);
        ServerOptionsValidator.CheckRange(errors, $"{RestartOnCompactionOptions.SectionName}.max_context_tokens", compaction.MaxContextTokens, 0, 100_000_000);
        if (compaction.Enabled && compaction.MaxCompactions == 0 && compaction.MaxContextTokens == 0)
        {
            errors.Add($"{RestartOnCompactionOptions.SectionName}: set max_compactions or max_context_tokens (both are 0)");
        }

        var cost = options.KillOnCost;
        CheckRule(errors, KillOnCostOptions.SectionName, cost);
        CheckOneOf(errors, $"{KillOnCostOptions.SectionName}.action", cost.Action, KillOnCostOptions.KillAction, KillOnCostOptions.AlertAction);
        CheckMoney(errors, $"{KillOnCostOptions.SectionName}.session_limit_usd", cost.SessionLimitUsd);
        CheckMoney(errors, $"{KillOnCostOptions.SectionName}.daily_limit_usd", cost.DailyLimitUsd);
        CheckMoney(errors, $"{KillOnCostOptions.SectionName}.critical_daily_limit_usd", cost.CriticalDailyLimitUsd);
        if (cost.CriticalDailyLimitUsd > 0 && cost.CriticalDailyLimitUsd < cost.DailyLimitUsd)
        {
            errors.Add($"{KillOnCostOptions.SectionName}.critical_daily_limit_usd: must be 0 or at least daily_limit_usd ({Format(cost.DailyLimitUsd)})");
        }
        if (cost.Enabled && cost.SessionLimitUsd == 0 && cost.DailyLimitUsd == 0)
        {
            errors.Add($"{KillOnCostOptions.SectionName}: set session_limit_usd or daily_limit_usd (both are 0)");
        }
        for (var i = 0; i < cost.CriticalProjects.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(cost.CriticalProjects[i]))
            {
                errors.Add($"{KillOnCostOptions.SectionName}.critical_projects[{i}]: must be a project name");
            }
        }

        CheckRule(errors, ErrorLoopOptions.SectionName, options.ErrorLoop);
        ServerOptionsValidator.CheckRange(errors, $"{ErrorLoopOptions.SectionName}.max_errors", options.ErrorLoop.MaxErrors, 1, 1000);
        CheckOneOf(errors, $"{ErrorLoopOptions.SectionName}.action", options.ErrorLoop.Action, ErrorLoopOptions.AlertAction, ErrorLoopOptions.RestartAction);

        CheckRule(errors, StuckOptions.SectionName, options.Stuck);
        ServerOptionsValidator.CheckRange(errors, $"{StuckOptions.SectionName}.stuck_seconds", options.Stuck.StuckSeconds, 1, 7 * 86_400);
        CheckOneOf(errors, $"{StuckOptions.SectionName}.action", options.Stuck.Action, StuckOptions.AlertAction, StuckOptions.AbortResumeAction);

        var limit = options.ResumeAfterRateLimit;
        CheckRule(errors, ResumeAfterRateLimitOptions.SectionName, limit);
        ServerOptionsValidator.CheckRange(errors, $"{ResumeAfterRateLimitOptions.SectionName}.default_backoff_seconds", limit.DefaultBackoffSeconds, 1, 7 * 86_400);
        ServerOptionsValidator.CheckRange(errors, $"{ResumeAfterRateLimitOptions.SectionName}.jitter_seconds", limit.JitterSeconds, 0, 86_400);
        ServerOptionsValidator.CheckRange(errors, $"{ResumeAfterRateLimitOptions.SectionName}.max_wait_seconds", limit.MaxWaitSeconds, 1, 30 * 86_400);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRule(List<string> errors, string section, PolicyRuleOptions rule)
    {
        ServerOptionsValidator.CheckRange(errors, $"{section}.max_retries", rule.MaxRetries, 1, 1000);
        ServerOptionsValidator.CheckRange(errors, $"{section}.retry_reset_seconds", rule.RetryResetSeconds, 1, 30 * 86_400);
    }

    private static void CheckOneOf(List<string> errors, string key, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add($"{key}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    private static void CheckMoney(List<string> errors, string key, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1_000_000)
        {
            errors.Add($"{key}: must be 0-1000000 (was {Format(value)})");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
