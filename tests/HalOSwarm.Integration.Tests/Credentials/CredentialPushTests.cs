using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Codex;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Credentials;

/// <summary>
/// Credential push end to end with the built supervisor, agent and halctl and the real Codex from npm: the fake provider
/// wants a key the node does not have, so a session fails with the provider's 401 until the key is pushed; a change by
/// hand to a pushed auth file shows as drift; the secrets appear in no log, answer, event, audit entry or database.
/// </summary>
public sealed class CredentialPushTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Push_EnvKeyToCodexNode_SessionWorksAndHandEditShowsDrift()
    {
        var secret = "sk-fake-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var fileSecret = "sk-file-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var keyDir = new HalOSwarm.Testing.TempDirectory("hal-creds-it");
        var keyFile = keyDir.Combine("credentials.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var codex = await CodexCluster.StartAsync(apiKey: "sk-wrong-key-000000", options: o => o with
        {
            SupervisorSections = new Dictionary<string, string> { ["credentials"] = JsonSerializer.Serialize(new { key_file = keyFile }) },
            AgentEnvironment = new Dictionary<string, string> { ["HAL_AGENT_CREDENTIALS_CHECK_SEC"] = "1" },
        });
        var cluster = codex.Cluster;
        codex.Llm.RequiredApiKey = secret;
        var node = cluster.NodeId;

        // Before: the node's key is wrong; the provider refuses it and the session reports the 401.
        var before = await codex.StartSessionAsync("hello before the push");
        var refused = (await codex.WaitEventsAsync(before, "session.error", 1, s_wait)).Single().Data();
        Assert.Equal(401, refused.GetProperty("status_code").GetInt32());
        Assert.True(codex.Llm.UnauthorizedRequests >= 1);

        // Push the key as env for codex: sessions started afterwards get it.
        var envFile = keyDir.Combine("codex.env");
        File.WriteAllText(envFile, $"# pushed by the test\nFAKE_API_KEY={secret}\n");
        var push = await cluster.CtlAsync("auth", "push", node, "codex", "--env-file", envFile);
        Assert.True(push.ExitCode == 0, push + cluster.Diagnostics());
        Assert.Contains("v1 (env)", push.StdOut, StringComparison.Ordinal);
        Assert.Contains("succeeded", push.StdOut, StringComparison.Ordinal);
        await WaitDriftAsync(cluster, node, "in_sync", 1);

        codex.Llm.Enqueue(FakeReply.Text("Answer with the pushed key."));
        var after = await codex.StartSessionAsync("hello after the push");
        var completed = await codex.WaitEventsAsync(after, "message.completed", 2, s_wait);
        Assert.Equal("Answer with the pushed key.", completed[^1].Data().Str("text"));

        // Push codex's auth file, then change it by hand: drift, and back in sync once it holds what was pushed again.
        var authFile = keyDir.Combine("auth.json");
        File.WriteAllText(authFile, $$"""{"OPENAI_API_KEY":"{{fileSecret}}"}""");
        var filePush = await cluster.CtlAsync("auth", "push", node, "codex", "--file", authFile);
        Assert.True(filePush.ExitCode == 0, filePush.ToString());
        var written = Path.Combine(cluster.AgentStateDir, "codex-home", "auth.json");
        Assert.Equal(File.ReadAllText(authFile), File.ReadAllText(written));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written));
        await WaitDriftAsync(cluster, node, "in_sync", 2);
        File.WriteAllText(written, """{"OPENAI_API_KEY":"sk-logged-in-by-hand"}""");
        var drifted = await WaitDriftAsync(cluster, node, "drift_detected", 2);
        File.WriteAllText(written, File.ReadAllText(authFile));
        await WaitDriftAsync(cluster, node, "in_sync", 2);

        Assert.Matches(@"^Node ID\s+Sync Status\s+Version\n-------\s+-----------\s+-------\n", drifted.Replace("\r", "", StringComparison.Ordinal));
        var shown = new StringBuilder()
            .Append(push.StdOut).Append(push.StdErr).Append(filePush.StdOut).Append(filePush.StdErr)
            .Append((await cluster.GetDataAsync("/api/v1/credentials")).GetRawText())
            .Append((await cluster.GetDataAsync("/api/v1/credentials/drift")).GetRawText())
            .Append((await cluster.GetDataAsync("/api/v1/commands?limit=100")).GetRawText())
            .Append((await cluster.GetDataAsync("/api/v1/audit?limit=200")).GetRawText())
            .Append(JsonSerializer.Serialize(await cluster.GetEventsAsync("type=credentials.state")))
            .Append(cluster.Supervisor!.Output).Append(cluster.Agent!.Output)
            .Append(FileText(cluster.SupervisorDb)).Append(FileText(cluster.SupervisorDb + "-wal"))
            .Append(FileText(cluster.AgentDb)).Append(FileText(cluster.AgentDb + "-wal"))
            .ToString();
        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(fileSecret, shown, StringComparison.Ordinal);
        Assert.Contains("credentials.push", shown, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>halctl auth drift</c> until the node's row shows <paramref name="state"/> and <paramref name="version"/>; returns its output.</summary>
    private static async Task<string> WaitDriftAsync(HalCluster cluster, string node, string state, int version)
    {
        var output = "";
        await cluster.WaitAsync(async () =>
        {
            var drift = await cluster.CtlAsync("auth", "drift");
            output = drift.StdOut;
            return drift.ExitCode == 0 && drift.StdOut.Split('\n').Any(line =>
                line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var id, var s, var v] && id == node && s == state && v == $"{version}");
        }, s_wait, $"halctl auth drift: {node} {state} {version}");
        return output;
    }

    private static string FileText(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }
}
