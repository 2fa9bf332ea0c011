using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Configuration;

internal sealed class LoggingOptionsValidator : IValidateOptions<LoggingOptions>
{
    public ValidateOptionsResult Validate(string? name, LoggingOptions options) =>
        TryParseLevel(options.Level, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"logging.level: '{options.Level}' is not one of trace, debug, information, warning, error, critical, none");

    public static bool TryParseLevel(string? value, out LogLevel level) =>
        Enum.TryParse(value, ignoreCase: true, out level) && Enum.IsDefined(level);
}
