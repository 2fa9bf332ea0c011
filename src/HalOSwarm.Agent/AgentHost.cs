using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Environments;
using HalOSwarm.Agent.Credentials;
using HalOSwarm.Agent.Observability;
using HalOSwarm.Agent.Runtimes.ClaudeCode;
using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Agent.Runtimes.Tmux;
using HalOSwarm.Agent.Runtimes.Worktrees;
using HalOSwarm.Agent.Tasks;
using HalOSwarm.Agent.ToolAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent;

/// <summary>Composes the hal-agent host from a config file (the real Program and tests use this).</summary>
internal static class AgentHost
{
    public static IHost Build(string configPath, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        AgentConfigLoader.AddAgentConfig(builder.Configuration, configPath);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("logging"));
        builder.Services.AddServiceHosting(builder.Logging, includeScopes: true);
        builder.AddAgentCore()
            .AddSupervisorConnection()
            .AddOpenCodeRuntime()
            .AddClaudeCodeRuntime()
            .AddCodexRuntime()
            .AddTmuxRuntime()
            .AddWorktrees()
            .AddCommands()
            .AddEnvironments()
            .AddToolAuth()
            .AddCredentials()
            .AddTaskFileWatcher()
            .AddAgentMetrics();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
