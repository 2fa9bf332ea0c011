namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Logs at start-up, once each, the notes <c>--validate</c> prints (a section not configured yet, a key read under an
/// alias), so an operator who never ran <c>--validate</c> still learns that part of the config file is not used.
/// </summary>
internal sealed partial class ConfigNotesLogger(ConfigNotes notes, ILogger<ConfigNotesLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var note in notes.Notes)
        {
            LogNote(logger, note);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, EventName = "config.note", Message = "config: {note}")]
    private static partial void LogNote(ILogger logger, string note);
}
