using HalOSwarm.Agent.Runtimes.ClaudeCode;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Runtimes.ClaudeCode;

/// <summary>Claude's own session files, as adoption and resume find them.</summary>
public sealed class ClaudeTranscriptsTests
{
    private const string Id = "0b5c5d30-1111-4222-8333-444455556666";

    private static Dictionary<string, string> Env(TempDirectory dir) => new() { ["CLAUDE_CONFIG_DIR"] = dir.Combine("config") };

    private static void WriteTranscript(TempDirectory dir, string folder, string id, string prompt)
    {
        var path = Path.Combine(dir.Combine("config", "projects", folder), id + ".jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, [
            $$"""{"type":"queue-operation","operation":"enqueue","timestamp":"2026-11-27T07:49:49.673Z","sessionId":"{{id}}"}""",
            $$"""{"parentUuid":null,"isSidechain":false,"type":"user","message":{"role":"user","content":[{"type":"text","text":"{{prompt}}"}]},"uuid":"u1","sessionId":"{{id}}"}""",
        ]);
    }

    [Fact]
    public void List_ProjectFolderNamedLikeClaude_SessionsWithFirstPromptAsTitle()
    {
        using var dir = new TempDirectory("hal-cc-tr");
        WriteTranscript(dir, "-home-dev-lab-cc-proj", Id, "count to ten");
        WriteTranscript(dir, "-home-dev-lab-other", "1b5c5d30-1111-4222-8333-444455556666", "elsewhere");

        var sessions = ClaudeTranscripts.List(Env(dir), "/home/dev/lab/cc-proj/");

        var session = Assert.Single(sessions);
        Assert.Equal(Id, session.ExternalId);
        Assert.Equal("count to ten", session.Title);
        Assert.Equal("/home/dev/lab/cc-proj/", session.Directory);
        Assert.NotNull(session.LastActivityAt);
    }

    [Fact]
    public void Exists_OnlyOnceClaudeWroteTheTranscript()
    {
        using var dir = new TempDirectory("hal-cc-tr");
        Assert.False(ClaudeTranscripts.Exists(Env(dir), Id));

        WriteTranscript(dir, "-home-dev-lab-cc-proj", Id, "hi");

        Assert.True(ClaudeTranscripts.Exists(Env(dir), Id));
    }
}
