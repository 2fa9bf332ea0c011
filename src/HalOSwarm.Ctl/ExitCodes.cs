namespace HalOSwarm.Ctl;

/// <summary>halctl's process exit codes (also listed in <c>halctl --help</c>).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The API answered with an error, the supervisor could not be reached, or an argument was invalid.</summary>
    public const int Failure = 1;

    /// <summary>The command line did not parse: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C) outside <c>--follow</c>, where an interrupt is the normal way out and exits 0.</summary>
    public const int Interrupted = 130;
}
