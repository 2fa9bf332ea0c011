using System.Text.Json;
using HalOSwarm.Agent.Connection;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// Reads agent.config.json plus HAL_AGENT_* environment variables (which win; <c>__</c> nests) and
/// finds the problems the options validator cannot see: invalid JSON, unknown keys, values of the wrong type.
/// </summary>
internal static class AgentConfigLoader
{
    public const string EnvironmentPrefix = "HAL_AGENT_";

    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Adds the file and the environment to <paramref name="builder"/>; returns the problems found in the file.
    /// <paramref name="notes"/> gets the defaults filled in that are worth saying (<c>state_dir</c>).
    /// </summary>
    public static List<string> AddAgentConfig(IConfigurationBuilder builder, string configPath, List<string>? notes = null)
    {
        var errors = new List<string>();
        var fullPath = Path.GetFullPath(configPath);
        if (!File.Exists(fullPath))
        {
            errors.Add($"--config: file '{fullPath}' does not exist");
        }
        else if (CheckFile(fullPath, errors, out var sections))
        {
            builder.AddJsonFile(fullPath, optional: false, reloadOnChange: false);
            // A runtime section in the file (even an empty one) turns that runtime on, unless it says enabled: false.
            builder.AddInMemoryCollection(sections.Select(name => new KeyValuePair<string, string?>($"runtimes:{name}:enabled", "true")));
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);

        // A relative state_dir means "next to the config file", whichever source set it; none set means the default.
        var stateDir = builder.Build()["state_dir"];
        if (string.IsNullOrWhiteSpace(stateDir))
        {
            var (path, why) = AgentStateDirectory.Default();
            builder.AddInMemoryCollection([new("state_dir", path)]);
            notes?.Add($"state_dir: not set; using {path} ({why})");
        }
        else if (!Path.IsPathFullyQualified(stateDir))
        {
            var baseDir = Path.GetDirectoryName(fullPath) ?? Directory.GetCurrentDirectory();
            builder.AddInMemoryCollection([new("state_dir", Path.GetFullPath(Path.Combine(baseDir, stateDir)))]);
        }
        return errors;
    }

    /// <summary>Binds the options, turning binder type errors into messages.</summary>
    public static AgentOptions Bind(IConfiguration configuration, List<string> errors)
    {
        var options = new AgentOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"configuration: {ex.Message}");
        }
        return options;
    }

    /// <summary>
    /// Loads, binds and validates; every problem in one list (what --validate prints). <paramref name="notes"/> gets what
    /// is accepted but worth saying: defaults filled in, the endpoint a bare supervisor_url stands for.
    /// </summary>
    public static List<string> Validate(string configPath, List<string>? notes = null)
    {
        var builder = new ConfigurationBuilder();
        var errors = AddAgentConfig(builder, configPath, notes);
        var options = Bind(builder.Build(), errors);
        errors.AddRange(AgentOptionsValidator.Collect(options));
        if (AgentEndpointUrl.TryResolve(options.SupervisorUrl, out var url) && url.ToString() != options.SupervisorUrl.Trim())
        {
            notes?.Add($"supervisor_url: dialled as {url} (the supervisor's agent endpoint)");
        }
        return errors;
    }

    private static bool CheckFile(string path, List<string> errors, out List<string> runtimeSections)
    {
        runtimeSections = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), s_jsonOptions);
        }
        catch (JsonException ex)
        {
            errors.Add($"--config: '{path}' is not valid JSON: {ex.Message}");
            return false;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"--config: '{path}' must hold a JSON object");
                return false;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!AgentOptions.Keys.Contains(property.Name))
                {
                    errors.Add($"{property.Name}: unknown key");
                }
            }
            if (document.RootElement.TryGetProperty("supervisor_tls", out var tls) && tls.ValueKind == JsonValueKind.Object)
            {
                var keys = ConfigKeyNames.Of<SupervisorTlsOptions>();
                errors.AddRange(tls.EnumerateObject().Where(p => !keys.Contains(p.Name)).Select(p => $"supervisor_tls.{p.Name}: unknown key"));
            }
            if (document.RootElement.TryGetProperty("tool_auth", out var toolAuth) && toolAuth.ValueKind == JsonValueKind.Object)
            {
                errors.AddRange(toolAuth.EnumerateObject().Where(p => !ToolAuth.ToolAuthOptions.Keys.Contains(p.Name)).Select(p => $"tool_auth.{p.Name}: unknown key"));
            }
            if (document.RootElement.TryGetProperty("projects", out var projects))
            {
                CheckProjects(projects, errors);
            }
            if (document.RootElement.TryGetProperty("runtimes", out var runtimes))
            {
                CheckRuntimes(document.RootElement, runtimes, errors);
                if (runtimes.ValueKind == JsonValueKind.Object)
                {
                    runtimeSections.AddRange(runtimes.EnumerateObject()
                        .Where(r => RuntimesOptions.Names.Contains(r.Name) && r.Value.ValueKind == JsonValueKind.Object && !r.Value.TryGetProperty("enabled", out _))
                        .Select(r => r.Name));
                }
            }
        }
        return true;
    }

    private static void CheckRuntimes(JsonElement root, JsonElement runtimes, List<string> errors)
    {
        if (runtimes.ValueKind != JsonValueKind.Object)
        {
            errors.Add("runtimes: must be an object with one section per runtime (" + string.Join(", ", RuntimesOptions.Names) + ")");
            return;
        }
        foreach (var runtime in runtimes.EnumerateObject())
        {
            if (!RuntimesOptions.Names.Contains(runtime.Name))
            {
                errors.Add($"runtimes.{runtime.Name}: unknown runtime (known: {string.Join(", ", RuntimesOptions.Names)})");
                continue;
            }
            if (runtime.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"runtimes.{runtime.Name}: must be an object");
                continue;
            }
            var keys = RuntimesOptions.KeysOf(runtime.Name);
            foreach (var property in runtime.Value.EnumerateObject().Where(p => !keys.Contains(p.Name)))
            {
                errors.Add($"runtimes.{runtime.Name}.{property.Name}: unknown key");
            }
            if (runtime.Name == Protocol.RuntimeNames.Codex)
            {
                CheckCodexSections(runtime.Value, errors);
            }
        }
        if (runtimes.TryGetProperty(Protocol.RuntimeNames.OpenCode, out var openCode) && openCode.ValueKind == JsonValueKind.Object)
        {
            foreach (var (legacy, key) in AgentOptions.LegacyOpenCodeKeys)
            {
                if (root.TryGetProperty(legacy, out _) && openCode.TryGetProperty(key, out _))
                {
                    errors.Add($"{legacy}: also set as runtimes.opencode.{key}; keep one (runtimes.opencode.{key} is the current name)");
                }
            }
        }
    }

    /// <summary>The objects nested in runtimes.codex: provider, and one rate per model.</summary>
    private static void CheckCodexSections(JsonElement codex, List<string> errors)
    {
        if (codex.TryGetProperty("provider", out var provider) && provider.ValueKind == JsonValueKind.Object)
        {
            var keys = ConfigKeyNames.Of<CodexProviderOptions>();
            errors.AddRange(provider.EnumerateObject().Where(p => !keys.Contains(p.Name)).Select(p => $"runtimes.codex.provider.{p.Name}: unknown key"));
        }
        if (codex.TryGetProperty("rates", out var rates) && rates.ValueKind == JsonValueKind.Object)
        {
            var keys = ConfigKeyNames.Of<CodexRateOptions>();
            foreach (var model in rates.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object))
            {
                errors.AddRange(model.Value.EnumerateObject().Where(p => !keys.Contains(p.Name))
                    .Select(p => $"runtimes.codex.rates.{model.Name}.{p.Name}: unknown key"));
            }
        }
    }

    private static void CheckProjects(JsonElement projects, List<string> errors)
    {
        if (projects.ValueKind != JsonValueKind.Array)
        {
            errors.Add("projects: must be an array of {name, directory}");
            return;
        }
        var i = 0;
        foreach (var project in projects.EnumerateArray())
        {
            if (project.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"projects[{i}]: must be an object {{name, directory}}");
            }
            else
            {
                foreach (var property in project.EnumerateObject())
                {
                    if (!ProjectOptions.Keys.Contains(property.Name))
                    {
                        errors.Add($"projects[{i}].{property.Name}: unknown key");
                    }
                }
            }
            i++;
        }
    }
}
