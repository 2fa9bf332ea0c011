namespace HalOSwarm.Ctl.Commands;

/// <summary>The one error line on stderr: <c>halctl: error: …</c>.</summary>
internal static class ErrorOutput
{
    public const string Prefix = "halctl: error: ";

    public static int Write(TextWriter error, string message, int exitCode = ExitCodes.Failure)
    {
        error.WriteLine(Prefix + message.ReplaceLineEndings(" ").Trim());
        error.Flush();
        return exitCode;
    }
}
