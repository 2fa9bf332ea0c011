using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Agent.Tasks;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tests.Tasks;

public sealed class TaskFileWatcherTests : IDisposable
{
    private readonly TempDirectory _state = new("hal-watch-state");
    private readonly TempDirectory _project = new("hal-watch-proj");
    private readonly AgentDatabase _db;
    private readonly Outbox _outbox;
    private readonly TaskFileWatcher _watcher;

    public TaskFileWatcherTests()
    {
        _db = new AgentDatabase(_state.Path);
        _outbox = new Outbox(_db, TimeProvider.System);
        var options = new AgentOptions { Projects = [new ProjectOptions { Name = "proj", Directory = _project.Path }] };
        _watcher = new TaskFileWatcher(Options.Create(options), _db, new EventRecorder(_outbox, new SessionStore(_db)), TimeProvider.System,
            NullLogger<TaskFileWatcher>.Instance);
        Directory.CreateDirectory(_project.Combine(".context"));
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _db.Dispose();
        _state.Dispose();
        _project.Dispose();
    }

    private Task WriteProgressAsync(string content) => File.WriteAllTextAsync(_project.Combine(".context", "PROGRESS.md"), content);

    [Fact]
    public async Task Poll_ProgressMarkedDone_RecordsProjectDoneOncePerChange()
    {
        await WriteProgressAsync("# Progress\nStatus: in progress\n");
        Assert.Equal(0, await _watcher.PollOnceAsync(CancellationToken.None));

        await WriteProgressAsync("# Progress\nStatus: done\n");
        Assert.Equal(1, await _watcher.PollOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _watcher.PollOnceAsync(CancellationToken.None));

        await WriteProgressAsync("# Progress\nStatus: done\n\nAll merged.\n");
        Assert.Equal(1, await _watcher.PollOnceAsync(CancellationToken.None));

        var events = (await _outbox.ReadAsync(0, 100, CancellationToken.None)).Where(e => e.Type == EventTypes.ProjectDone).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Null(e.SessionId));
        Assert.Equal("proj", events[0].Data.GetProperty("project").GetString());
        Assert.Equal("progress_file", events[0].Data.GetProperty("source").GetString());
        Assert.Equal("Status: done", events[0].Data.GetProperty("detail").GetString());
    }
}
