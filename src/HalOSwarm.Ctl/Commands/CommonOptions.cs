using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary>Factories for options several commands share, each with its validation.</summary>
internal static class CommonOptions
{
    public static Option<int?> Limit(string description)
    {
        var option = new Option<int?>("--limit") { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 1000)
            {
                result.AddError("--limit must be between 1 and 1000");
            }
        });
        return option;
    }

    public static Option<int?> Wait()
    {
        var option = new Option<int?>("--wait")
        {
            Description = "Seconds the supervisor waits for the agent's result (server default 30)",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--wait must be 0 or more seconds");
            }
        });
        return option;
    }

    public static Option<string?> IdempotencyKey()
    {
        var option = new Option<string?>("--idempotency-key")
        {
            Description = "Run at most once per key: a repeat returns the first command (a key whose command failed runs again)",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } key && string.IsNullOrWhiteSpace(key))
            {
                result.AddError("--idempotency-key must not be empty");
            }
        });
        return option;
    }

    public static Option<bool> Follow(string description) => new("--follow", "-f") { Description = description };

    public static Option<bool> Deltas() => new("--deltas")
    {
        Description = "Also print streamed text (message.delta) as it arrives",
    };
}
