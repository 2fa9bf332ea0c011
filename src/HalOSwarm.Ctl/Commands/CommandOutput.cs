using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>How the command-sending verbs report the stored <c>Command</c>.</summary>
internal static class CommandOutput
{
    /// <summary>
    /// JSON: the Command as the API returned it. Table: <paramref name="summary"/> followed by
    /// <c>(command ID)</c>, plus what is still open: a prompt queued behind a busy turn, or a command
    /// that has not finished within the wait.
    /// </summary>
    public static int Write(CommandContext context, ApiPage<CommandDto> page, string summary)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.WriteLine($"{summary} ({Details(page.Value)})");
        }
        return ExitCodes.Success;
    }

    private static string Details(CommandDto command)
    {
        if (command.State != "succeeded")
        {
            return $"command {command.CommandId} is {command.State}, not finished yet: see 'halctl commands get {command.CommandId}'";
        }
        return command.QueuedPosition is { } position
            ? $"command {command.CommandId}; the session is busy: queued at position {position}, delivered when its turn ends"
            : $"command {command.CommandId}";
    }
}
