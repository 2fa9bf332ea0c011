using System.Security.Cryptography;
using System.Text;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tasks;

/// <summary>
/// Polls each project's .context/CURRENT_TASK.md and .context/PROGRESS.md every task_poll_interval_sec:
/// records <c>task.progress</c> when the task file's content changed, and <c>project.done</c> when the
/// progress file's content changed and marks the project done (<see cref="ProgressFileParser"/>). The
/// last content hashes are kept in agent.db (meta keys <c>task_hash:NAME</c>, <c>progress_hash:NAME</c>)
/// so a restart does not repeat an unchanged file.
/// </summary>
internal sealed partial class TaskFileWatcher : BackgroundService
{
    private readonly AgentOptions _options;
    private readonly AgentDatabase _database;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TaskFileWatcher> _logger;

    public TaskFileWatcher(IOptions<AgentOptions> options, AgentDatabase database, IEventRecorder recorder, TimeProvider timeProvider,
        ILogger<TaskFileWatcher> logger)
    {
        _options = options.Value;
        _database = database;
        _recorder = recorder;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.TaskPollIntervalSec), _timeProvider);
        try
        {
            do
            {
                await PollOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Checks every project once; returns how many events were recorded (<c>task.progress</c> for a changed
    /// task file, <c>project.done</c> for a changed progress file that marks the project done).
    /// </summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var project in _options.Projects)
        {
            if (await ReadIfChangedAsync(project.Directory, TaskFileParser.RelativePath, "task_hash:" + project.Name, cancellationToken)
                is { } task)
            {
                var data = TaskFileParser.Parse(project.Name, task.Content);
                await _recorder.RecordAsync([EventData.Create(EventTypes.TaskProgress, null, data, ProtocolJsonContext.Default.TaskProgressData)],
                    cancellationToken);
                await task.CommitAsync();
                recorded++;
            }
            if (await ReadIfChangedAsync(project.Directory, ProgressFileParser.RelativePath, "progress_hash:" + project.Name, cancellationToken)
                is { } progress)
            {
                if (ProgressFileParser.FindDoneMarker(progress.Content) is { } marker)
                {
                    var data = new ProjectDoneData(project.Name, ProgressFileParser.Source, marker);
                    await _recorder.RecordAsync([EventData.Create(EventTypes.ProjectDone, null, data, ProtocolJsonContext.Default.ProjectDoneData)],
                        cancellationToken);
                    recorded++;
                }
                await progress.CommitAsync();
            }
        }
        return recorded;
    }

    /// <summary>The file's content when it differs from the last one handled (hash in meta <paramref name="key"/>).</summary>
    private async Task<ChangedFile?> ReadIfChangedAsync(string directory, string relativePath, string key, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, relativePath);
        string content;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            content = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (IOException ex)
        {
            Log.ReadFailed(_logger, path, ex.Message);
            return null;
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var previous = await _database.RunAsync(c => c.GetMeta(key), cancellationToken);
        return previous == hash
            ? null
            : new ChangedFile(content, () => _database.RunAsync(c => { c.SetMeta(key, hash); return 0; }, cancellationToken));
    }

    private sealed record ChangedFile(string Content, Func<Task> CommitAsync);
}
