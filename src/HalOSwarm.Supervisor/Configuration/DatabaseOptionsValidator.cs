using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>Collects every problem of the <c>database</c> section, each with its full key.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("database.path: is required");
        }
        else if (options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"database.path: '{options.Path}' contains characters not allowed in a path");
        }
        ServerOptionsValidator.CheckRange(errors, "database.busy_timeout_ms", options.BusyTimeoutMs, 0, 600_000);
        ServerOptionsValidator.CheckRange(errors, "database.write_batch_events", options.WriteBatchEvents, 1, 100_000);
        ServerOptionsValidator.CheckRange(errors, "database.write_queue_capacity", options.WriteQueueCapacity, 1, 1_000_000);
        if (!string.Equals(options.Synchronous, DatabaseOptions.SynchronousNormal, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Synchronous, DatabaseOptions.SynchronousFull, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"database.synchronous: '{options.Synchronous}' is not one of '{DatabaseOptions.SynchronousNormal}', '{DatabaseOptions.SynchronousFull}'");
        }
        if (options.IntegrityMode is null)
        {
            errors.Add($"database.integrity_check: '{options.IntegrityCheck}' is not one of '{DatabaseOptions.IntegrityQuick}', '{DatabaseOptions.IntegrityFull}', '{DatabaseOptions.IntegrityOff}'");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
