using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Configuration;

/// <summary>Checks the whole configuration and reports every problem with its config key.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Most URLs in <c>supervisor_urls</c>.</summary>
    public const int MaxSupervisorUrls = 16;

    private static void CheckUrl(string key, string value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key}: is empty");
        }
        else if (!AgentEndpointUrl.TryResolve(value, out _))
        {
            errors.Add($"{key}: '{value}' is not a ws:// or wss:// URL: the agent dials the supervisor's server.port, "
                + "e.g. ws://supervisor:8420 (or wss:// when it serves TLS)");
        }
    }

    public static List<string> Collect(AgentOptions options)
    {
        options.ApplyLegacyKeys();
        var errors = new List<string>();
        if (options.SupervisorUrls.Count > 0)
        {
            if (!string.IsNullOrWhiteSpace(options.SupervisorUrl))
            {
                errors.Add("supervisor_url: give it or supervisor_urls, not both");
            }
            if (options.SupervisorUrls.Count > MaxSupervisorUrls)
            {
                errors.Add($"supervisor_urls: {options.SupervisorUrls.Count} URLs, at most {MaxSupervisorUrls}");
            }
            for (var i = 0; i < options.SupervisorUrls.Count; i++)
            {
                CheckUrl($"supervisor_urls[{i}]", options.SupervisorUrls[i], errors);
                options.SupervisorTls.Validate(options.SupervisorUrls[i], errors);
            }
        }
        else if (string.IsNullOrWhiteSpace(options.SupervisorUrl))
        {
            errors.Add("supervisor_url: is required (e.g. ws://supervisor:8420), or supervisor_urls for several supervisors");
        }
        else
        {
            CheckUrl("supervisor_url", options.SupervisorUrl, errors);
            options.SupervisorTls.Validate(options.SupervisorUrl, errors);
        }
        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add("auth_token: is required");
        }
        if (string.IsNullOrWhiteSpace(options.StateDir))
        {
            // AgentConfigLoader fills in the default; only options built by hand get here without one.
            errors.Add("state_dir: is required");
        }
        var runtimeErrors = new List<string>();
        options.Runtimes.Validate(runtimeErrors);
        errors.AddRange(runtimeErrors.Select(e => NameAsWritten(options, e)));
        if (!(options.TaskPollIntervalSec > 0))
        {
            errors.Add("task_poll_interval_sec: must be greater than 0");
        }
        if (!(options.CredentialsCheckSec > 0))
        {
            errors.Add("credentials_check_sec: must be greater than 0");
        }
        if (options.MaxInFlightEvents < 1)
        {
            errors.Add("max_in_flight_events: must be at least 1");
        }
        if (options.MetricsPort is < 0 or > 65535)
        {
            errors.Add($"metrics_port: must be 0 (off) or 1-65535 (was {options.MetricsPort})");
        }
        options.ToolAuth.Validate("tool_auth", errors);
        ValidateProjects(options.Projects, errors);
        return errors;
    }

    /// <summary>A problem of runtimes.opencode.X set through the older opencode_X key is reported under the key that was written.</summary>
    private static string NameAsWritten(AgentOptions options, string error)
    {
        var written = new (string Legacy, bool Set)[]
        {
            ("opencode_port", options.LegacyOpenCodePort is not null),
            ("opencode_hostname", options.LegacyOpenCodeHostname is not null),
            ("opencode_binary", options.LegacyOpenCodeBinary is not null),
            ("opencode_startup_timeout_sec", options.LegacyOpenCodeStartupTimeoutSec is not null),
        };
        foreach (var (legacy, set) in written)
        {
            var current = "runtimes.opencode." + AgentOptions.LegacyOpenCodeKeys[legacy] + ":";
            if (set && error.StartsWith(current, StringComparison.Ordinal))
            {
                return legacy + ":" + error[current.Length..];
            }
        }
        return error;
    }

    private static void ValidateProjects(List<ProjectOptions> projects, List<string> errors)
    {
        if (projects.Count == 0)
        {
            errors.Add("projects: at least one project {name, directory} is required");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            var key = $"projects[{i}]";
            if (string.IsNullOrWhiteSpace(project.Name))
            {
                errors.Add($"{key}.name: is required");
            }
            else if (!ProtocolLimits.IsProjectName(project.Name))
            {
                errors.Add($"{key}.name: must be 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters, '/' or surrounding spaces");
            }
            else if (!names.Add(project.Name))
            {
                errors.Add($"{key}.name: duplicate project name '{project.Name}'");
            }
            if (string.IsNullOrWhiteSpace(project.Directory))
            {
                errors.Add($"{key}.directory: is required");
            }
            else if (!Path.IsPathFullyQualified(project.Directory))
            {
                errors.Add($"{key}.directory: '{project.Directory}' must be an absolute path");
            }
            else if (!Directory.Exists(project.Directory))
            {
                errors.Add($"{key}.directory: '{project.Directory}' does not exist");
            }
            if (!RuntimesOptions.Names.Contains(project.Runtime))
            {
                errors.Add($"{key}.runtime: '{project.Runtime}' is not supported (supported: {string.Join(", ", RuntimesOptions.Names)})");
            }
            if (project.Command is not null && project.Runtime != RuntimeNames.Tmux)
            {
                errors.Add($"{key}.command: only the tmux runtime runs a command line; '{project.Runtime}' runs its own program");
            }
        }
    }
}
