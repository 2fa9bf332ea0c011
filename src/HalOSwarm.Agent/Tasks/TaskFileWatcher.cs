using System.Security.Cryptography;
using System.Text;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tasks;

/// <summary>
/// Polls each project's .context/CURRENT_TASK.md every task_poll_interval_sec and records
/// <c>task.progress</c> when its content changed. The last content hash per project is kept in
/// agent.db (meta key <c>task_hash:NAME</c>) so a restart does not repeat an unchanged file.
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

    /// <summary>Checks every project once; returns how many task.progress events were recorded.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var project in _options.Projects)
        {
            var path = Path.Combine(project.Directory, TaskFileParser.RelativePath);
            string content;
            try
            {
                if (!File.Exists(path))
                {
                    continue;
                }
                content = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (IOException ex)
            {
                Log.ReadFailed(_logger, path, ex.Message);
                continue;
            }
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            var key = "task_hash:" + project.Name;
            var previous = await _database.RunAsync(c => c.GetMeta(key), cancellationToken);
            if (previous == hash)
            {
                continue;
            }
            var data = TaskFileParser.Parse(project.Name, content);
            await _recorder.RecordAsync([EventData.Create(EventTypes.TaskProgress, null, data, ProtocolJsonContext.Default.TaskProgressData)],
                cancellationToken);
            await _database.RunAsync(c => { c.SetMeta(key, hash); return 0; }, cancellationToken);
            recorded++;
        }
        return recorded;
    }
}
