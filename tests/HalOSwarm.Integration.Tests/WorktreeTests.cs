using System.Diagnostics;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// Sessions started with <c>--worktree</c> on one repository each work in their own git worktree and branch, so two
/// of them write the same file without touching each other or the project's checkout; when a session ends its
/// worktree is removed if it is clean, and kept (and reported) if it holds changes or unmerged commits.
/// </summary>
public sealed class WorktreeTests
{
    // opencode sets up a new directory (each worktree is one) on its first prompt there: slow on a loaded machine.
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task TwoWorktreeSessions_EditTheSameFile_EachInItsOwnBranch_ThenCleanedUpOrKept()
    {
        await using var cluster = await HalCluster.StartAsync();
        await GitAsync(cluster.ProjectDir, "init", "-q", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(cluster.ProjectDir, "shared.txt"), "base\n");
        await GitAsync(cluster.ProjectDir, "add", "shared.txt");
        await GitAsync(cluster.ProjectDir, "commit", "-q", "-m", "base");

        var (first, firstDir) = await StartWritingAsync(cluster, "from-first");
        var (second, secondDir) = await StartWritingAsync(cluster, "from-second");

        Assert.NotEqual(firstDir, secondDir);
        Assert.Equal("from-first", (await File.ReadAllTextAsync(Path.Combine(firstDir, "shared.txt"))).Trim());
        Assert.Equal("from-second", (await File.ReadAllTextAsync(Path.Combine(secondDir, "shared.txt"))).Trim());
        Assert.Equal("base", (await File.ReadAllTextAsync(Path.Combine(cluster.ProjectDir, "shared.txt"))).Trim());
        var firstBranch = (await cluster.GetDataAsync($"api/v1/sessions/{first}")).Str("branch");
        Assert.StartsWith("hal/demo-", firstBranch, StringComparison.Ordinal);
        var show = await cluster.CtlAsync("sessions", "get", first);
        Assert.Contains(firstBranch, show.StdOut, StringComparison.Ordinal);

        // The second session's work is committed on its branch (not merged); a third session leaves no trace.
        await GitAsync(secondDir, "commit", "-q", "-am", "second's work");
        cluster.Llm.Enqueue(FakeReply.Text("Just talking."));
        var third = await StartSessionAsync(cluster, "just talk");
        var thirdDir = (await cluster.GetDataAsync($"api/v1/sessions/{third}")).Str("worktree");
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={third}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "Just talking."), s_wait, "the third session's answer");

        foreach (var session in new[] { first, second, third })
        {
            var kill = await cluster.CtlAsync("sessions", "kill", session);
            Assert.True(kill.ExitCode == 0, kill.ToString());
        }
        var kept1 = await WorktreeEventAsync(cluster, first);
        Assert.Equal("worktree.kept", kept1.Str("type"));
        Assert.Contains("uncommitted", kept1.Data().Str("reason"), StringComparison.Ordinal);
        var kept2 = await WorktreeEventAsync(cluster, second);
        Assert.Equal("worktree.kept", kept2.Str("type"));
        Assert.Contains("1 commit(s)", kept2.Data().Str("reason"), StringComparison.Ordinal);
        var removed = await WorktreeEventAsync(cluster, third);
        Assert.Equal("worktree.removed", removed.Str("type"));

        Assert.True(Directory.Exists(firstDir), "a worktree with uncommitted changes is kept");
        Assert.True(Directory.Exists(secondDir), "a worktree with unmerged commits is kept");
        Assert.False(Directory.Exists(thirdDir), "a clean worktree is removed");
        var branches = await GitAsync(cluster.ProjectDir, "branch", "--list", "hal/*");
        Assert.Contains(firstBranch, branches, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileName(thirdDir), branches, StringComparison.Ordinal);
    }

    private static async Task<(string SessionId, string Directory)> StartWritingAsync(HalCluster cluster, string content)
    {
        cluster.Llm.Enqueue(
            FakeReply.ToolCall("bash", JsonSerializer.Serialize(new { command = $"echo {content} > shared.txt", description = "write shared.txt" })),
            FakeReply.Text("Written."));
        var sessionId = await StartSessionAsync(cluster, "write shared.txt");
        await cluster.WaitAsync(async () => (await cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "Written."), s_wait, "the write turn to end");
        var session = await cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        var worktree = session.Str("worktree");
        Assert.True(worktree.Length > 0, $"the session has no worktree in the API: {session.GetRawText()}");
        // The turn is over, so the write is done or failed: a short wait, then say why it is missing.
        await HalCluster.WaitUntilAsync(() => Task.FromResult(File.Exists(Path.Combine(worktree, "shared.txt"))
            && File.ReadAllText(Path.Combine(worktree, "shared.txt")).Trim() == content), TimeSpan.FromSeconds(10), "the tool's write",
            () => WriteDiagnosticsAsync(cluster, sessionId, worktree).GetAwaiter().GetResult());
        return (sessionId, worktree);
    }

    /// <summary>What tells why a tool's write is missing: the worktree's state, the session's tool events, what opencode
    /// sent the LLM (the tool's result comes back in the next request) and the tail of opencode's log.</summary>
    private static async Task<string> WriteDiagnosticsAsync(HalCluster cluster, string sessionId, string worktree)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"--- worktree {worktree} ---");
        try
        {
            text.AppendLine(await GitAsync(worktree, "status", "--short", "--branch"));
        }
        catch (Exception ex) when (ex is Xunit.Sdk.XunitException or System.ComponentModel.Win32Exception or IOException)
        {
            text.AppendLine($"git status failed: {ex.Message}");
        }
        text.AppendLine("--- the session's tool events ---");
        foreach (var e in await cluster.GetEventsAsync($"session_id={sessionId}&type=tool.*"))
        {
            text.AppendLine(e.GetRawText());
        }
        text.AppendLine("--- requests the fake LLM got (aux = a side request without tools) ---");
        foreach (var request in cluster.Llm.Requests)
        {
            var last = request.Messages.Count > 0 ? request.Messages[^1] : null;
            text.AppendLine($"{(request.IsAuxiliary ? "aux " : "turn")} {request.Messages.Count} messages, last {last?.Role}: {Clip(last?.Text)}");
        }
        // opencode's output (state_dir/opencode.log) and its own log (the newest file under its data folder).
        var logs = Path.Combine(cluster.OpenCodeHome, ".local", "share", "opencode", "log");
        var ownLog = Directory.Exists(logs) ? Directory.GetFiles(logs, "*.log").Max(StringComparer.Ordinal) : null;
        foreach (var log in new[] { Path.Combine(cluster.AgentStateDir, "opencode.log"), ownLog })
        {
            text.AppendLine($"--- {log} (tail) ---");
            text.AppendLine(log is not null && File.Exists(log) ? Clip(await File.ReadAllTextAsync(log), 6000, fromEnd: true) : "(none)");
        }
        text.AppendLine(cluster.Diagnostics());
        return text.ToString();
    }

    private static string Clip(string? text, int max = 300, bool fromEnd = false) =>
        text is null ? "" : text.Length <= max ? text : fromEnd ? "…" + text[^max..] : text[..max] + "…";

    private static async Task<string> StartSessionAsync(HalCluster cluster, string prompt)
    {
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--worktree", "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    private static Task<JsonElement> WorktreeEventAsync(HalCluster cluster, string sessionId) =>
        cluster.WaitForAsync(async () =>
        {
            var events = await cluster.GetEventsAsync($"session_id={sessionId}");
            return events.FirstOrDefault(e => e.Str("type").StartsWith("worktree.", StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } found
                ? found
                : (JsonElement?)null;
        }, s_wait, $"what became of {sessionId}'s worktree");

    private static async Task<string> GitAsync(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-C", directory, "-c", "user.name=test", "-c", "user.email=test@example.invalid" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        using var git = Process.Start(info)!;
        var output = await git.StandardOutput.ReadToEndAsync();
        var error = await git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
