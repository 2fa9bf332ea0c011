using HalOSwarm.Agent.ToolAuth;

namespace HalOSwarm.Agent.Tests.ToolAuth;

/// <summary>The login status parsers against what the real programs printed (recorded in Fixtures/auth_*).</summary>
public sealed class AuthOutputParserTests
{
    private static string Recorded(string name) => File.ReadAllText(Fixtures.PathOf(name));

    [Theory]
    [InlineData("auth_claude_logged_out.json", 1, "unauthenticated", null, "Not logged in")]
    [InlineData("auth_claude_api_key.json", 0, "authenticated", "api_key", "API key from ANTHROPIC_API_KEY")]
    [InlineData("auth_claude_oauth_token.json", 0, "authenticated", "oauth_token", "OAuth token configured")]
    [InlineData("auth_claude_claude_ai.json", 0, "authenticated", "claude.ai", "Logged in as user@example.com")]
    public void ClaudeAuthStatus_RecordedOutput_StatusMethodReason(string file, int exitCode, string status, string? method, string reason)
    {
        var verdict = ClaudeAuthStatusParser.Parse(exitCode, Recorded(file));

        Assert.Equal(new AuthVerdict(status, method, reason), verdict);
    }

    [Theory]
    [InlineData("auth_opencode_none.txt", "unauthenticated", null, "No credentials stored and no provider key in the environment")]
    [InlineData("auth_opencode_stored_and_env.txt", "authenticated", "api,oauth",
        "Credentials: Anthropic (api), OpenAI (oauth); environment: Anthropic (ANTHROPIC_API_KEY)")]
    [InlineData("auth_opencode_env_only.txt", "authenticated", "env", "environment: OpenAI (OPENAI_API_KEY)")]
    public void OpenCodeAuthList_RecordedOutput_StatusMethodReason(string file, string status, string? method, string reason)
    {
        var verdict = OpenCodeAuthListParser.Parse(0, Recorded(file));

        Assert.Equal(new AuthVerdict(status, method, reason), verdict);
    }

    [Theory]
    [InlineData("auth_codex_not_logged_in.txt", 1, "unauthenticated", null, "Not logged in")]
    [InlineData("auth_codex_api_key.txt", 0, "authenticated", "api_key", "API key configured")]
    [InlineData("auth_codex_chatgpt.txt", 0, "authenticated", "chatgpt", "Logged in using ChatGPT")]
    public void CodexLoginStatus_RecordedOutput_StatusMethodReason(string file, int exitCode, string status, string? method, string reason)
    {
        var verdict = CodexLoginStatusParser.Parse(exitCode, Recorded(file));

        Assert.Equal(new AuthVerdict(status, method, reason), verdict);
    }

    [Fact]
    public void CodexLoginStatus_ApiKey_NoPartOfTheKeyInTheReason()
    {
        var verdict = CodexLoginStatusParser.Parse(0, Recorded("auth_codex_api_key.txt"));

        Assert.Contains("sk-test-***", Recorded("auth_codex_api_key.txt"), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Segmentation fault", 139)]
    [InlineData("{not json", 1)]
    public void Parsers_UnreadableOutput_Unknown(string output, int exitCode)
    {
        Assert.Equal("unknown", ClaudeAuthStatusParser.Parse(exitCode, output).Status);
        Assert.Equal("unknown", OpenCodeAuthListParser.Parse(exitCode, output).Status);
        Assert.Equal("unknown", CodexLoginStatusParser.Parse(exitCode, output).Status);
    }

    [Fact]
    public void DeviceCodePrompt_RecordedCodexOutput_UrlAndCode()
    {
        var lines = Recorded("auth_codex_device_prompt.txt").Split('\n');

        Assert.Equal(("http://127.0.0.1:18765/codex/device", "ABCD-1234"), DeviceCodePrompt.Find(lines));
        Assert.Null(DeviceCodePrompt.Find(lines[..9]));
    }

    [Fact]
    public void DeviceCodePrompt_OpenCodeStyle_UrlAndInlineCode()
    {
        string[] lines = ["Go to: https://auth.example.com/codex/device", "Enter code: WXYZ-9876"];

        Assert.Equal(("https://auth.example.com/codex/device", "WXYZ-9876"), DeviceCodePrompt.Find(lines));
    }
}
