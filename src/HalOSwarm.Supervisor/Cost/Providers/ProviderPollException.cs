namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>A poll that failed for good (after its retries); the message is the degraded reason and never holds the key.</summary>
internal sealed class ProviderPollException : Exception
{
    public ProviderPollException(string message) : base(message)
    {
    }

    public ProviderPollException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ProviderPollException()
    {
    }
}
