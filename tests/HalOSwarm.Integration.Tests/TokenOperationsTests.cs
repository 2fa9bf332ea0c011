using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.OpenCode;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// docs/OPERATIONS.md, "Tokens and roles", step by step against the built binaries: user tokens with roles, enrolling a
/// node, revoking it (the agent is cut off and refused), and rotating its token.
/// </summary>
public sealed class TokenOperationsTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TokensAndRoles_AsTheRunbookSays_RolesEnforcedNodeEnrolledRevokedAndRotated()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });

        // User tokens: the bootstrap token (server.auth_token) creates them.
        var alice = Secret(await OkAsync(cluster, "tokens", "create", "alice", "--role", "operator"));
        var bob = Secret(await OkAsync(cluster, "tokens", "create", "bob", "--role", "viewer"));
        var list = await OkAsync(cluster, "tokens", "list");
        Assert.Contains("alice", list.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(alice, list.StdOut, StringComparison.Ordinal);
        var forbidden = await cluster.CtlAsync("--token", bob, "tokens", "create", "eve", "--role", "admin");
        Assert.True(forbidden.ExitCode == 1 && forbidden.StdErr.Contains("(forbidden)", StringComparison.Ordinal), forbidden.ToString());
        await OkAsync(cluster, "--token", bob, "nodes", "list");

        // Enrol a node: its agent gets a token bound to its id.
        Directory.CreateDirectory(cluster.AgentStateDir);
        await File.WriteAllTextAsync(Path.Combine(cluster.AgentStateDir, "node-id"), "web-1\n");
        var nodeToken = Secret(await OkAsync(cluster, "nodes", "enroll", "web-1"));
        await StartAgentWithTokenAsync(cluster, nodeToken);
        await cluster.WaitForNodeStatusAsync("online", s_wait);
        Assert.Contains("web-1", (await OkAsync(cluster, "--token", alice, "nodes", "list")).StdOut, StringComparison.Ordinal);

        // Revoke it: the live connection is closed at once and the agent is refused from then on.
        await OkAsync(cluster, "tokens", "revoke", "node:web-1");
        await cluster.WaitForNodeStatusAsync("offline", s_wait);
        await cluster.Agent!.WaitForOutputAsync("401", s_wait);

        // Rotate: enrol again, give the agent the new token, restart it.
        var rotated = Secret(await OkAsync(cluster, "nodes", "enroll", "web-1"));
        await cluster.Agent.StopAsync();
        await StartAgentWithTokenAsync(cluster, rotated);
        await cluster.WaitForNodeStatusAsync("online", s_wait);
        var all = await OkAsync(cluster, "tokens", "list", "--all", "--format", "json");
        Assert.Equal(2, all.StdOut.Split("\"node:web-1\"").Length - 1);

        // The audit log names a user token's holder token:NAME; a revoked user token is refused.
        var refused = await cluster.CtlAsync("--token", alice, "kill", "ses_missing");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("kill", (await OkAsync(cluster, "audit", "list", "--actor", "token:alice")).StdOut, StringComparison.Ordinal);
        await OkAsync(cluster, "tokens", "revoke", "alice");
        var afterRevoke = await cluster.CtlAsync("--token", alice, "nodes", "list");
        Assert.True(afterRevoke.ExitCode == 1 && afterRevoke.StdErr.Contains("unauthorized", StringComparison.Ordinal), afterRevoke.ToString());
    }

    private static async Task StartAgentWithTokenAsync(HalCluster cluster, string token)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(cluster.AgentConfig))!;
        config["auth_token"] = token;
        await File.WriteAllTextAsync(cluster.AgentConfig, config.ToJsonString());
        await OpenCodeTool.EnsureInstalledAsync();
        await cluster.StartAgentAsync();
    }

    private static async Task<CtlResult> OkAsync(HalCluster cluster, params string[] args)
    {
        var result = await cluster.CtlAsync(args);
        Assert.True(result.ExitCode == 0, $"halctl {string.Join(' ', args)}: {result}");
        return result;
    }

    private static string Secret(CtlResult result) =>
        result.StdOut.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("secret: ", StringComparison.Ordinal))["secret: ".Length..];
}
