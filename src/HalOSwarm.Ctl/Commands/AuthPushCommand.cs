using System.CommandLine;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// <c>auth push NODE TOOL --file PATH | --env-file PATH</c> (admin token): pushes a tool's whole auth file, or NAME=VALUE
/// lines (blank lines and <c># comments</c> skipped), to a node. The secret is read from the file, never from the command
/// line, and never printed.
/// </summary>
internal sealed class AuthPushCommand : ApiCommand
{
    private readonly Argument<string> _node = new("node") { Description = "Node id" };
    private readonly Argument<string> _tool = new("tool") { Description = "opencode, claude-code or codex" };
    private readonly Option<FileInfo> _file = new("--file") { Description = "The tool's auth file to push (its whole content)" };
    private readonly Option<FileInfo> _envFile = new("--env-file") { Description = "A file of NAME=VALUE lines for the tool's sessions" };

    public AuthPushCommand(GlobalOptions options, CliEnvironment environment)
        : base("push", "Push credentials for a tool to a node (needs an admin token); the node applies them and reports the version", options, environment)
    {
        Arguments.Add(_node);
        Arguments.Add(_tool);
        Options.Add(_file);
        Options.Add(_envFile);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CommandContext context, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(_file);
        var envFile = parseResult.GetValue(_envFile);
        if ((file is null) == (envFile is null))
        {
            throw new CliUsageException("give exactly one of --file PATH (an auth file) or --env-file PATH (NAME=VALUE lines)");
        }
        var path = (file ?? envFile)!.FullName;
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {path}: {ex.Message}", ex);
        }
        var request = file is not null
            ? new CredentialPushRequest(parseResult.GetRequiredValue(_node), parseResult.GetRequiredValue(_tool), "file", text, null)
            : new CredentialPushRequest(parseResult.GetRequiredValue(_node), parseResult.GetRequiredValue(_tool), "env", null, ParseEnv(text, path));
        var page = await context.Client.PushCredentialsAsync(request, cancellationToken);
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            var pushed = page.Value;
            var state = pushed.Command?.State ?? "pending";
            context.Out.WriteLine($"pushed {pushed.Tool} credentials v{pushed.Version} ({pushed.Kind}) to node {pushed.NodeId}: command {pushed.Command?.CommandId} {state}");
        }
        return ExitCodes.Success;
    }

    private static Dictionary<string, string> ParseEnv(string text, string path)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The line is not shown: it may hold a secret.
                throw new CliUsageException($"{path}:{number}: expected NAME=VALUE");
            }
            env[line[..equals].Trim()] = line[(equals + 1)..];
        }
        return env.Count > 0 ? env : throw new CliUsageException($"{path}: no NAME=VALUE line");
    }
}
