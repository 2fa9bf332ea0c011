using HalOSwarm.Supervisor.Dependencies;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Testing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class PolicyConfigTests
{
    private const string Server = """ "server":{"auth_token":"0123456789abcdef0123"} """;

    private static async Task<(int Code, string Error)> ValidateAsync(string sections)
    {
        using var temp = new TempDirectory("hal-pcfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, "{" + Server + "," + sections + "}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, error.ToString());
    }

    [Fact]
    public async Task Validate_FullPoliciesAndDependencies_ExitsZero()
    {
        var (code, error) = await ValidateAsync("""
            "policies":{"tick_seconds":2,
              "resume_on_idle":{"enabled":true,"idle_seconds":30,"max_retries":2,"retry_reset_seconds":600},
              "restart_on_compaction":{"enabled":true,"max_compactions":4,"max_context_tokens":150000},
              "kill_on_cost":{"enabled":true,"action":"alert","session_limit_usd":2.5,"daily_limit_usd":50,"critical_daily_limit_usd":80,"critical_projects":["core"]},
              "error_loop":{"enabled":true,"max_errors":4,"action":"restart"},
              "stuck":{"enabled":true,"stuck_seconds":600,"action":"abort_resume"},
              "resume_after_rate_limit":{"enabled":true,"default_backoff_seconds":600,"jitter_seconds":30,"max_wait_seconds":3600}},
            "dependencies":{"api":{"depends_on":["schema","auth"],"prompt":"Build it"},"docs":{"depends_on":["api"],"auto_start":false}}
            """);

        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Validate_BadPolicyValues_EveryProblemWithItsKey()
    {
        var (code, error) = await ValidateAsync("""
            "policies":{"tick_seconds":0,
              "resume_on_idle":{"idle_seconds":0,"max_retries":0,"retry_reset_secs":5},
              "kill_on_cost":{"action":"explode","session_limit_usd":-1},
              "error_loop":{"action":"panic"},
              "stuck":{"stuck_seconds":"soon"}}
            """);

        Assert.Equal(2, code);
        Assert.Contains("policies.resume_on_idle.retry_reset_secs: unknown key; did you mean 'policies.resume_on_idle.retry_reset_seconds'?", error, StringComparison.Ordinal);
        Assert.Contains("policies.stuck.stuck_seconds: 'soon' is not a valid integer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadPolicyRanges_EveryProblemWithItsKey()
    {
        var (code, error) = await ValidateAsync("""
            "policies":{"tick_seconds":0,
              "resume_on_idle":{"idle_seconds":0,"max_retries":0},
              "kill_on_cost":{"action":"explode","session_limit_usd":-1,"daily_limit_usd":10,"critical_daily_limit_usd":5},
              "error_loop":{"action":"panic"}}
            """);

        Assert.Equal(2, code);
        foreach (var key in new[]
        {
            "policies.tick_seconds: must be 1-3600 (was 0)", "policies.resume_on_idle.idle_seconds: must be 1-", "policies.resume_on_idle.max_retries:",
            "policies.kill_on_cost.action: 'explode' is not one of kill, alert", "policies.kill_on_cost.session_limit_usd:",
            "policies.kill_on_cost.critical_daily_limit_usd:", "policies.error_loop.action: 'panic'",
        })
        {
            Assert.Contains(key, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validate_DependencyCycleAndTypo_RejectedWithPathAndKey()
    {
        var (code, error) = await ValidateAsync("""
            "dependencies":{"a":{"depends_on":["b"]},"b":{"depends_on":["a"]}}
            """);
        Assert.Equal(2, code);
        Assert.Contains("dependencies: cycle a → b → a", error, StringComparison.Ordinal);

        (code, error) = await ValidateAsync("""
            "dependencies":{"a":{"depend_on":["b"],"auto_start":"maybe"},"c":{"depends_on":"a"}}
            """);
        Assert.Equal(2, code);
        Assert.Contains("dependencies.a.depend_on: unknown key", error, StringComparison.Ordinal);
        Assert.Contains("dependencies.a.auto_start: 'maybe' is not a valid boolean", error, StringComparison.Ordinal);
        Assert.Contains("dependencies.c.depends_on: must be a list of project names", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_BindsNestedPolicySectionsAndDependencies()
    {
        await using var host = await Support.SupervisorHost.StartAsync(config =>
        {
            config["policies"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"tick_seconds":3,"resume_on_idle":{"enabled":true,"idle_seconds":42},"kill_on_cost":{"critical_projects":["core","db"]}}
                """);
            config["dependencies"] = System.Text.Json.Nodes.JsonNode.Parse("""{"api":{"depends_on":["schema"],"auto_start":false}}""");
        });

        var policies = host.Service<IOptions<PolicyOptions>>().Value;
        Assert.Equal(3, policies.TickSeconds);
        Assert.True(policies.ResumeOnIdle.Enabled);
        Assert.Equal(42, policies.ResumeOnIdle.IdleSeconds);
        Assert.Equal(["core", "db"], policies.KillOnCost.CriticalProjects);
        var dependencies = host.Service<IOptions<DependencyOptions>>().Value;
        Assert.Equal(["schema"], dependencies["api"].DependsOn);
        Assert.False(dependencies["api"].AutoStart);
    }
}
