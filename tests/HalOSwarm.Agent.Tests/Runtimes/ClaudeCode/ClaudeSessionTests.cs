using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.ClaudeCode;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Runtimes.ClaudeCode;

/// <summary>A restarted agent rebuilds a session's mapping from the output it already recorded.</summary>
public sealed class ClaudeSessionTests
{
    [Fact]
    public void Rebuild_UpToTheCursor_RestMapsAsIfNeverInterrupted()
    {
        using var dir = new TempDirectory("hal-cc-unit");
        var lines = File.ReadAllLines(Fixtures.PathOf("cc_tool_allowed.jsonl"));
        var session = new ClaudeSession("bdf7bdae-bee0-478b-ae26-69c9daef4b21", dir.Combine("s"));
        session.AppendAgentLine("""{"type":"hal","event":"start","resume":false}""");
        foreach (var line in lines)
        {
            session.AppendAgentLine(line);
        }
        var all = new List<PendingEvent>();
        var reference = new ClaudeStreamMapper(session.SessionId);
        var cut = 0L;
        var position = 0L;
        var index = 0;
        foreach (var line in File.ReadAllLines(session.OutputPath))
        {
            position += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
            var events = reference.Map(line, DateTimeOffset.UnixEpoch);
            if (++index == 12)
            {
                cut = position; // the agent died here: what came after is read by the next one
            }
            if (index > 12)
            {
                all.AddRange(events);
            }
        }

        session.Rebuild(cut, DateTimeOffset.UnixEpoch);
        var rest = File.ReadAllLines(session.OutputPath).Skip(12).SelectMany(l => session.Mapper.Map(l, DateTimeOffset.UnixEpoch)).ToList();

        Assert.Equal(all.Select(e => (e.Type, e.Data.GetRawText())), rest.Select(e => (e.Type, e.Data.GetRawText())));
        Assert.Contains(rest, e => e.Type == EventTypes.Usage);
        Assert.True(session.Mapper.Exited is false && !session.Mapper.TurnOpen);
    }
}
