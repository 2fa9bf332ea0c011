using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Codex;

namespace HalOSwarm.Agent.Tests.Runtimes.Codex;

public sealed class CodexOptionsTests
{
    [Fact]
    public void Render_Provider_ConfigTomlWithProviderAndTrustedProjects()
    {
        var options = new CodexOptions
        {
            Model = "fake-model",
            ApprovalPolicy = "on-request",
            SandboxMode = "workspace-write",
            Provider = new CodexProviderOptions { Name = "fake", BaseUrl = "http://127.0.0.1:9/v1", EnvKey = "FAKE_API_KEY" },
        };

        var toml = CodexHome.Render(options, ["/srv/a", "/srv/b \"quoted\"", "/srv/a"]);

        Assert.Equal("""
            model = "fake-model"
            model_provider = "fake"
            approval_policy = "on-request"
            sandbox_mode = "workspace-write"

            [model_providers.fake]
            name = "fake"
            base_url = "http://127.0.0.1:9/v1"
            env_key = "FAKE_API_KEY"
            wire_api = "responses"
            request_max_retries = 0
            stream_max_retries = 0

            [projects."/srv/a"]
            trust_level = "trusted"

            [projects."/srv/b \"quoted\""]
            trust_level = "trusted"

            """.ReplaceLineEndings("\n"), toml.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Validate_BadValues_EveryErrorNamesItsKey()
    {
        var options = new CodexOptions
        {
            ApprovalPolicy = "untrusted",
            SandboxMode = "open",
            StartupTimeoutSec = 0,
            Provider = new CodexProviderOptions { Name = "a b", BaseUrl = "ftp://x", WireApi = "chat", EnvKey = "A=B", RequestMaxRetries = -1 },
            Rates = new() { ["m"] = new CodexRateOptions { Input = -1, Output = -2 } },
        };
        var errors = new List<string>();

        options.Validate("runtimes.codex", errors);

        Assert.Equal(
        [
            "runtimes.codex.approval_policy", "runtimes.codex.sandbox_mode", "runtimes.codex.startup_timeout_sec",
            "runtimes.codex.provider.name", "runtimes.codex.provider.base_url", "runtimes.codex.provider.wire_api",
            "runtimes.codex.provider.env_key", "runtimes.codex.provider.request_max_retries",
            "runtimes.codex.rates.m.input", "runtimes.codex.rates.m.output",
        ], errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("item/commandExecution/requestApproval", "once", "accept")]
    [InlineData("item/commandExecution/requestApproval", "always", "acceptForSession")]
    [InlineData("item/fileChange/requestApproval", "reject", "decline")]
    [InlineData("execCommandApproval", "once", "approved")]
    [InlineData("applyPatchApproval", "reject", "denied")]
    public void Decision_Reply_AppServerValue(string method, string reply, string decision) =>
        Assert.Equal(decision, CodexRuntime.Decision(method, reply));
}
