using System.Security.Cryptography;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Credentials;

/// <summary>
/// opencode's auth.json pushed from the supervisor: the fake provider has no <c>options.apiKey</c> in opencode's config,
/// so opencode takes its key from auth.json (<c>{"fake":{"type":"api","key":…}}</c>), where the agent writes the push.
/// The session after the push runs in the same project as the refused one: opencode's server already read (no) credentials
/// for it, so the answer comes only when the agent makes the running server read the pushed file.
/// </summary>
public sealed class OpenCodeCredentialPushTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Push_OpenCodeAuthFile_RefusedBeforeAnsweredAfter()
    {
        var secret = "sk-oc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var dir = new HalOSwarm.Testing.TempDirectory("hal-creds-oc");
        var keyFile = dir.Combine("credentials.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            OpenCodeApiKey = null,
            SupervisorSections = new Dictionary<string, string> { ["credentials"] = JsonSerializer.Serialize(new { key_file = keyFile }) },
        });
        cluster.Llm.RequiredApiKey = secret;

        var before = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "before the push");
        string? failure = null;
        if (before.ExitCode != 0)
        {
            failure = before.ToString();
        }
        else
        {
            var sessionId = JsonDocument.Parse(before.StdOut).RootElement.GetProperty("result").Str("session_id");
            await cluster.WaitAsync(async () =>
            {
                var errors = await cluster.GetEventsAsync($"session_id={sessionId}&type=session.error");
                failure = errors.Count > 0 ? errors[0].GetRawText() : null;
                return failure is not null;
            }, s_wait, "session.error before the push");
        }

        var authFile = dir.Combine("auth.json");
        File.WriteAllText(authFile, JsonSerializer.Serialize(new Dictionary<string, object> { ["fake"] = new { type = "api", key = secret } }));
        var push = await cluster.CtlAsync("auth", "push", cluster.NodeId, "opencode", "--file", authFile);
        Assert.True(push.ExitCode == 0, push.ToString());
        Assert.Equal(File.ReadAllText(authFile), File.ReadAllText(Path.Combine(cluster.OpenCodeHome, ".local", "share", "opencode", "auth.json")));

        cluster.Llm.Enqueue(FakeReply.Text("Answer with the key from auth.json."));
        var after = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "after the push");
        Assert.True(after.ExitCode == 0, after + cluster.Diagnostics());
        var afterId = JsonDocument.Parse(after.StdOut).RootElement.GetProperty("result").Str("session_id");
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={afterId}&type=message.completed"))
            .Any(e => e.Data().Str("role") == "assistant" && e.Data().Str("text") == "Answer with the key from auth.json."), s_wait, "the answer after the push");

        Assert.True(cluster.Llm.UnauthorizedRequests >= 1, $"before the push: {failure}");
        Assert.DoesNotContain(secret, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, cluster.Supervisor!.Output + cluster.Agent!.Output + push.StdOut + push.StdErr, StringComparison.Ordinal);
    }
}
