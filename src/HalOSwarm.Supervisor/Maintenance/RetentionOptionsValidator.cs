using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>Collects every problem of the <c>retention</c> section, each with its full key.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        ServerOptionsValidator.CheckRange(errors, "retention.events_days", options.EventsDays, 0, 36_500);
        ServerOptionsValidator.CheckRange(errors, "retention.batch_events", options.BatchEvents, 1, 10_000);
        ServerOptionsValidator.CheckRange(errors, "retention.interval_minutes", options.IntervalMinutes, 1, 10_080);
        if (string.IsNullOrWhiteSpace(options.ArchiveDir))
        {
            errors.Add("retention.archive_dir: is required (a folder; relative to the database file's folder)");
        }
        else if (options.ArchiveDir.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"retention.archive_dir: '{options.ArchiveDir}' contains characters not allowed in a path");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
