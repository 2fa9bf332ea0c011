using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Collects every problem of the <c>commands</c> section, each with its full key.</summary>
internal sealed class CommandsOptionsValidator : IValidateOptions<CommandsOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandsOptions options)
    {
        var errors = new List<string>();
        ServerOptionsValidator.CheckRange(errors, "commands.offline_wait_sec", options.OfflineWaitSec, 0, 86_400);
        ServerOptionsValidator.CheckRange(errors, "commands.max_attempts", options.MaxAttempts, 1, 20);
        ServerOptionsValidator.CheckRange(errors, "commands.retry_backoff_ms", options.RetryBackoffMs, 10, 600_000);
        ServerOptionsValidator.CheckRange(errors, "commands.rate_per_node_per_sec", options.RatePerNodePerSec, 1, 10_000);
        ServerOptionsValidator.CheckRange(errors, "commands.handover_idle_timeout_sec", options.HandoverIdleTimeoutSec, 1, 3600);
        ServerOptionsValidator.CheckRange(errors, "commands.max_prompt_bytes", options.MaxPromptBytes, 1024, 4 * 1024 * 1024);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
