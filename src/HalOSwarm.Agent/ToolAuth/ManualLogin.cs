using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// The runbook's guidance for a tool whose login the agent cannot run remotely: Claude Code has no device flow (its
/// login opens a browser); opencode has one only for its OpenAI (ChatGPT) provider, at an issuer fixed in the program.
/// </summary>
internal static class ManualLogin
{
    public const string NoRemoteOAuth = "no_remote_oauth";

    public static ManualGuidance For(string tool, string binary, string nodeId)
    {
        var (login, check, flow, reason) = tool switch
        {
            RuntimeNames.ClaudeCode => ($"{binary} auth login", $"{binary} auth status", "Follow the browser-based authentication flow",
                $"Tool '{tool}' does not support remote OAuth flows"),
            _ => ($"{binary} auth login", $"{binary} auth list", "Pick the provider and follow its login (device code or browser)",
                $"Tool '{tool}' has no device flow the agent can relay for every provider"),
        };
        return new ManualGuidance(tool, NoRemoteOAuth, reason,
            ["SSH into the agent server (node " + nodeId + ") as the user hal-agent runs as", $"Run the login command: {login}", flow, $"Verify auth status: {check}"],
            login, nodeId);
    }
}
