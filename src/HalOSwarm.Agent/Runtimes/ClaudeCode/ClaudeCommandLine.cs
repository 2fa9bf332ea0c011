using System.Text.Json.Nodes;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Storage;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>The arguments of a session's long-lived <c>claude -p</c>.</summary>
internal static class ClaudeCommandLine
{
    public static IReadOnlyList<string> Build(SessionRecord session, ClaudeCodeOptions options, ProjectOptions? project, bool resume, string? permissionUrl)
    {
        var args = new List<string>
        {
            "-p",
            "--input-format", "stream-json",
            "--output-format", "stream-json",
            "--verbose",
            "--include-partial-messages",
            // Each prompt is echoed back when Claude takes it: the user message and the start of the turn come from the output.
            "--replay-user-messages",
            resume ? "--resume" : "--session-id", session.SessionId,
        };
        var model = session.Model ?? project?.ModelFor(null, options) ?? options.Model;
        if (!string.IsNullOrWhiteSpace(model))
        {
            args.AddRange(["--model", model]);
        }
        if (permissionUrl is not null)
        {
            var config = new JsonObject
            {
                ["mcpServers"] = new JsonObject
                {
                    [ClaudePermissionServer.ServerName] = new JsonObject { ["type"] = "http", ["url"] = permissionUrl },
                },
            };
            args.AddRange(["--mcp-config", config.ToJsonString(),
                "--permission-prompt-tool", $"mcp__{ClaudePermissionServer.ServerName}__{ClaudePermissionServer.ToolName}"]);
        }
        args.AddRange(project?.ArgsFor(options) ?? options.Args);
        return args;
    }
}
