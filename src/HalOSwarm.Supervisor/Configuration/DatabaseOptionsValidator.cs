using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>Collects every problem of the <c>database</c> section, each with its full key.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        if (!Storage.StorageProviders.All.Contains(options.Provider.Trim().ToLowerInvariant()))
        {
            errors.Add($"database.provider: '{options.Provider}' is not one of '{string.Join("', '", Storage.StorageProviders.All)}'");
        }
        if (options.IsPostgres)
        {
            CheckConnectionString(errors, options.ConnectionString);
        }
        ServerOptionsValidator.CheckRange(errors, "database.pool_size", options.PoolSize, 2, 1000);
        if (!options.IsPostgres && string.IsNullOrWhiteSpace(options.Path))
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

    /// <summary>Required for PostgreSQL and readable by its driver; an error names the key and the faulty part, never the string (it holds the password).</summary>
    private static void CheckConnectionString(List<string> errors, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add("database.connection_string: is required when database.provider is 'postgres'");
            return;
        }
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                errors.Add("database.connection_string: names no Host");
            }
        }
        catch (ArgumentException ex)
        {
            errors.Add($"database.connection_string: is not a PostgreSQL connection string ({RedactedReason(ex)})");
        }
    }

    /// <summary>The driver's complaint without the value it quotes.</summary>
    private static string RedactedReason(ArgumentException ex) =>
        ex.ParamName is { Length: > 0 } key ? $"the key '{key}' is unknown or its value is invalid" : "a key or a value is invalid";
}
