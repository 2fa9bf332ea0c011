using System.CommandLine;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The command line, <c>hal-supervisor [--config FILE] [--validate]</c>, as System.CommandLine options.</summary>
internal sealed record SupervisorArguments(string? ConfigPath, bool ValidateOnly)
{
    public static Option<string?> CreateConfigOption() => new("--config", "-c")
    {
        Description = "The JSON config file (snake_case keys); HAL_… environment variables win. Left out: the environment alone",
        HelpName = "FILE",
    };

    public static Option<bool> CreateValidateOption() => new("--validate")
    {
        Description = "Check the configuration, print every problem with its key, start nothing",
    };

    /// <summary>Parses <paramref name="args"/> with the same options <c>--help</c> lists; <paramref name="error"/> is the first parse error.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SupervisorArguments parsed, out string error)
    {
        var config = CreateConfigOption();
        var validate = CreateValidateOption();
        var result = new RootCommand { config, validate }.Parse(args);
        parsed = new(result.GetValue(config), result.GetValue(validate));
        error = result.Errors.Count > 0 ? result.Errors[0].Message : "";
        return result.Errors.Count == 0;
    }
}
