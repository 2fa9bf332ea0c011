using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Reads and checks the items of an env_check or env_apply command: at most <see cref="EnvLimits.MaxItems"/>, known kinds,
/// names of the shape their kind allows, contents and commands within their limits. Anything else is invalid_args
/// naming the item, and nothing runs.
/// </summary>
internal static partial class EnvCommandArgsReader
{
    public static EnvCheckArgs ReadCheck(CommandRequest command) =>
        Checked(Deserialize(command, ProtocolJsonContext.Default.EnvCheckArgs));

    public static EnvApplyArgs ReadApply(CommandRequest command)
    {
        var args = Deserialize(command, ProtocolJsonContext.Default.EnvApplyArgs);
        Checked(new EnvCheckArgs(args.Items));
        return args;
    }

    /// <summary>The environment the project's sessions get: the agent's own, the runtime's and the project's on top.</summary>
    public static IReadOnlyDictionary<string, string> SessionEnvironment(ProjectOptions project, AgentOptions options)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = (string?)entry.Value ?? "";
        }
        foreach (var (key, value) in project.EnvFor(options.Runtimes.For(project.Runtime)))
        {
            env[key] = value;
        }
        return env;
    }

    private static T Deserialize<T>(CommandRequest command, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return (command.Args.ValueKind == JsonValueKind.Object ? command.Args.Deserialize(type) : null)
                ?? throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"'{command.Type}' needs args {{items: [...]}}");
        }
        catch (JsonException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"'{command.Type}' args do not parse: {ex.Message}");
        }
    }

    private static EnvCheckArgs Checked(EnvCheckArgs args)
    {
        if (args.Items is null || args.Items.Count > EnvLimits.MaxItems)
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"args.items: 0-{EnvLimits.MaxItems} items are needed");
        }
        foreach (var item in args.Items)
        {
            if (Problem(item) is { } problem)
            {
                throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"args.items '{Shown(item.Id)}': {problem}");
            }
        }
        return args;
    }

    private static string? Problem(EnvItem item)
    {
        if (string.IsNullOrEmpty(item.Id) || item.Id.Length > EnvLimits.MaxPathChars + 32 || string.IsNullOrEmpty(item.Name))
        {
            return "needs an id and a name";
        }
        if (item.Content is { Length: > EnvLimits.MaxContentChars } || item.Install is { Length: > EnvLimits.MaxCommandChars })
        {
            return "content or install command too long";
        }
        return item.Kind switch
        {
            EnvItemKinds.Tool => ToolName().IsMatch(item.Name) && (item.VersionCommand is null || item.VersionCommand.Count is > 0 and <= 16) ? null : "tool names are 1-64 of A-Z a-z 0-9 . _ + -; version_command 1-16 args",
            EnvItemKinds.Env => VariableName().IsMatch(item.Name) ? null : "variable names are a letter or _ then letters, digits or _ (at most 128)",
            EnvItemKinds.Hook => HookName().IsMatch(item.Name) ? null : "hook names are lowercase letters and -",
            EnvItemKinds.GitRemote => ToolName().IsMatch(item.Name) ? null : "remote names are 1-64 of A-Z a-z 0-9 . _ + -",
            EnvItemKinds.File or EnvItemKinds.Dir or EnvItemKinds.GitBranch => null,
            _ => $"unknown kind '{Shown(item.Kind)}' (one of {string.Join(", ", EnvItemKinds.All)})",
        };
    }

    private static string Shown(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;

    [GeneratedRegex(@"^[A-Za-z0-9._+-]{1,64}$")]
    private static partial Regex ToolName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^[a-z][a-z-]{0,39}$")]
    private static partial Regex HookName();
}
