using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Tests.Runtimes.OpenCode;

/// <summary>
/// The stream's session.created for a session in its own worktree can reach the outbox before the one the runtime
/// records after creating the session (a loaded machine runs the stream's reader first); both share a once-key, so the
/// stream's event must name the worktree and branch too, or the session is stored without them.
/// </summary>
public sealed class OpenCodeWorktreeMappingTests
{
    private const string Worktree = "/state/worktrees/proj-1a2b3c4d";

    private static JsonElement Created(string sessionId, string directory) => JsonDocument.Parse(
        "{\"type\":\"session.created\",\"properties\":{\"info\":{\"id\":\"" + sessionId + "\",\"directory\":\"" + directory
        + "\",\"title\":\"New session\"}}}").RootElement;

    [Fact]
    public void Map_SessionCreatedInAnAliasedWorktree_NamesTheWorktreeAndBranch()
    {
        var mapper = new OpenCodeEventMapper([new ProjectOptions { Name = "proj", Directory = Fixtures.Directory }]);
        mapper.Alias(Worktree + "/", "proj", new WorktreeInfo(Worktree, "hal/proj-1a2b3c4d") { Root = Worktree });

        using (mapper.Creating())
        {
            var created = Assert.Single(mapper.Map(Worktree, Created("ses_wt", Worktree)));

            Assert.Equal(EventTypes.SessionCreated, created.Type);
            Assert.Equal("proj", created.Data.GetProperty("project").GetString());
            Assert.Equal(Worktree, created.Data.GetProperty("worktree").GetString());
            Assert.Equal("hal/proj-1a2b3c4d", created.Data.GetProperty("branch").GetString());
            Assert.False(created.Data.GetProperty("adopted").GetBoolean());
        }
    }

    [Fact]
    public void Map_SessionCreatedInTheProjectsCheckout_NamesNoWorktree()
    {
        var mapper = new OpenCodeEventMapper([new ProjectOptions { Name = "proj", Directory = Fixtures.Directory }]);
        mapper.Alias(Worktree, "proj", new WorktreeInfo(Worktree, "hal/proj-1a2b3c4d") { Root = Worktree });

        var created = Assert.Single(mapper.Map(Fixtures.Directory, Created("ses_plain", Fixtures.Directory)));

        Assert.False(created.Data.TryGetProperty("worktree", out var worktree) && worktree.ValueKind == JsonValueKind.String);
    }
}
