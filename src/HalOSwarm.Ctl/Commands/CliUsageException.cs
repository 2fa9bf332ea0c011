namespace HalOSwarm.Ctl.Commands;

/// <summary>A value that parsed but cannot be used (e.g. a malformed URL); reported as one line, exit 1.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
