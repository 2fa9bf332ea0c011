using System.CommandLine;

namespace HalOSwarm.Ctl.Commands;

/// <summary>The options every command takes; declared once on the root and inherited (recursive).</summary>
internal sealed class GlobalOptions
{
    public const string DefaultSupervisorUrl = "http://localhost:8421";
    public const string UrlVariable = "HALCTL_SUPERVISOR_URL";
    public const string TokenVariable = "HALCTL_TOKEN";
    public const string CaFileVariable = "HALCTL_CA_FILE";

    // The env fallbacks are resolved at run time, not as default values, so help never shows a token.
    public Option<string?> SupervisorUrl { get; } = new("--supervisor-url")
    {
        Description = $"Supervisor base URL [env {UrlVariable}; default {DefaultSupervisorUrl}]",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token", "--auth-token")
    {
        Description = $"API bearer token [env {TokenVariable}]",
        Recursive = true,
    };

    public Option<string?> CaFile { get; } = new("--ca-file")
    {
        Description = $"PEM file of the CA (or the self-signed certificate) to trust for an https supervisor [env {CaFileVariable}]",
        Recursive = true,
    };

    public Option<string> Format { get; } = CreateFormat();

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format", "-o")
        {
            Description = "Output format: table for people, json for scripts",
            Recursive = true,
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }
}
