using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Environments;

/// <summary>A <see cref="TestAgent"/> answering <c>env_check</c> with a report the test chooses.</summary>
internal static class EnvAgentReplies
{
    public static async Task<CommandRequest> AnswerCheckAsync(this TestAgent agent, params EnvItemResult[] items)
    {
        var command = await agent.ReceiveCommandAsync(15_000);
        Assert.Equal(CommandTypes.EnvCheck, command.Type);
        await agent.AcceptAsync(command);
        var report = new EnvCheckReport("alpha", EnvVerdicts.Worst(items.Select(i => i.Verdict)), items);
        await agent.ReplyAsync(command, JsonSerializer.Serialize(report, ProtocolJsonContext.Default.EnvCheckReport));
        return command;
    }

    public static EnvItemResult AgentMdReady() => new("file:AGENT.md", EnvItemKinds.File, EnvVerdicts.Ready, "as the template", "as the template");

    public static EnvItemResult AgentMdChanged(string text) =>
        new("file:AGENT.md", EnvItemKinds.File, EnvVerdicts.Degraded, "as the template", "changed", "the file differs from its template", EnvFixes.Safe, text);

    public static EnvItemResult ContextMissing() => new("dir:.context", EnvItemKinds.Dir, EnvVerdicts.Missing, "present", "absent", null, EnvFixes.Safe);

    public static EnvItemResult KeySet() => new("env:API_KEY", EnvItemKinds.Env, EnvVerdicts.Ready, "set", "set");

    /// <summary>The config of a supervisor whose manifest for alpha wants AGENT.md, the .context/ scaffold and API_KEY.</summary>
    public static void Manifest(System.Text.Json.Nodes.JsonObject config) =>
        config["environments"] = System.Text.Json.Nodes.JsonNode.Parse("""
            {"check_interval_sec": 0, "auto_provision": false, "projects": {"alpha": {
              "agents_md": {"template": "agent-md"}, "context": {"PROGRESS.md": "progress"}, "env": {"API_KEY": {"required": true}}}}}
            """);
}
