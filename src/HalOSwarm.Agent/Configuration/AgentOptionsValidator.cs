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

    public static List<string> Collect(AgentOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SupervisorUrl))
        {
            errors.Add("supervisor_url: is required (e.g. ws://supervisor:8420/ws/agent)");
        }
        else if (!Uri.TryCreate(options.SupervisorUrl, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"supervisor_url: '{options.SupervisorUrl}' is not a ws:// or wss:// URL");
        }
        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            errors.Add("auth_token: is required");
        }
        if (string.IsNullOrWhiteSpace(options.StateDir))
        {
            errors.Add("state_dir: is required");
        }
        if (options.OpenCodePort is < 1 or > 65535)
        {
            errors.Add($"opencode_port: {options.OpenCodePort} is not a TCP port (1-65535)");
        }
        if (string.IsNullOrWhiteSpace(options.OpenCodeHostname))
        {
            errors.Add("opencode_hostname: must not be empty");
        }
        if (string.IsNullOrWhiteSpace(options.OpenCodeBinary))
        {
            errors.Add("opencode_binary: must not be empty");
        }
        if (options.OpenCodeStartupTimeoutSec < 1)
        {
            errors.Add("opencode_startup_timeout_sec: must be at least 1");
        }
        if (!(options.TaskPollIntervalSec > 0))
        {
            errors.Add("task_poll_interval_sec: must be greater than 0");
        }
        if (options.MaxInFlightEvents < 1)
        {
            errors.Add("max_in_flight_events: must be at least 1");
        }
        ValidateProjects(options.Projects, errors);
        return errors;
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
            if (project.Runtime != RuntimeNames.OpenCode)
            {
                errors.Add($"{key}.runtime: '{project.Runtime}' is not supported (supported: {RuntimeNames.OpenCode})");
            }
        }
    }
}
