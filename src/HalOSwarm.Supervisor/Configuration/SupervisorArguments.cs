namespace HalOSwarm.Supervisor.Configuration;

/// <summary>The command line: <c>hal-supervisor [--config FILE] [--validate]</c>.</summary>
internal sealed record SupervisorArguments(string? ConfigPath, bool ValidateOnly, bool Help)
{
    public const string Usage = "usage: hal-supervisor --config FILE [--validate]";

    public static bool TryParse(IReadOnlyList<string> args, out SupervisorArguments parsed, out string error)
    {
        string? config = null;
        var validate = false;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config" or "-c" when i + 1 < args.Count:
                    config = args[++i];
                    break;
                case "--validate":
                    validate = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    parsed = new(null, false, false);
                    error = args[i] is "--config" or "-c" ? "--config needs a file path" : $"unknown argument '{args[i]}'";
                    return false;
            }
        }
        parsed = new(config, validate, help);
        error = "";
        return true;
    }
}
