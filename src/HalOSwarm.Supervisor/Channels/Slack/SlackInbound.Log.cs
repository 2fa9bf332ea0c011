namespace HalOSwarm.Supervisor.Channels.Slack;

internal sealed partial class SlackInbound
{
    [LoggerMessage(Level = LogLevel.Error, EventName = "slack.command_failed",
        Message = "The Slack command {command} failed ({error_type}); the caller was told")]
    private static partial void LogCommandFailed(ILogger logger, string command, string error_type);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "slack.follow_up_failed",
        Message = "The answer to the Slack command {command} could not be posted to its response_url: {reason}")]
    private static partial void LogFollowUpFailed(ILogger logger, string command, string reason);

    [LoggerMessage(Level = LogLevel.Error, EventName = "slack.click_failed",
        Message = "A Slack button click failed ({error_type}); the clicker was told")]
    private static partial void LogClickFailed(ILogger logger, string error_type);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "slack.click_answer_failed",
        Message = "A Slack button click was acted on, but the message could not be updated: {reason}")]
    private static partial void LogClickAnswerFailed(ILogger logger, string reason);
}
