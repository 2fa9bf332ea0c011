using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>How the command-sending verbs report the stored <c>Command</c>.</summary>
internal static class CommandOutput
{
    /// <summary>JSON: the Command as the API returned it. Table: the given one-line summary.</summary>
    public static int Write(CommandContext context, ApiPage<CommandDto> page, string summary)
    {
        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WritePretty(context.Out, page.Data);
        }
        else
        {
            context.Out.WriteLine(summary);
        }
        return ExitCodes.Success;
    }
}
