namespace HalOSwarm.Shell;

/// <summary>
/// The one exit-code convention of hal-supervisor, hal-agent, halctl and hal-bench (compiled into each of them
/// from src/Shared; docs/CONFIG.md lists it).
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Ran and failed: the API answered an error or could not be reached, a host stopped on an error, a bench check failed.</summary>
    public const int Failure = 1;

    /// <summary>Nothing ran: the command line did not parse or the configuration is invalid (<c>--validate</c> found problems).</summary>
    public const int Usage = 2;

    /// <summary>
    /// hal-supervisor: the database (or the backup to restore) failed its integrity check; nothing was started or changed.
    /// Restarting will not help: docs/OPERATIONS.md says how to recover.
    /// </summary>
    public const int DatabaseDamaged = 3;

    /// <summary>Interrupted (Ctrl+C) where that is not the normal way out.</summary>
    public const int Interrupted = 130;
}
