namespace HalOSwarm.Agent.Runtimes;

/// <summary>A command failed; <see cref="ErrorCode"/> is one of <see cref="Protocol.CommandErrorCodes"/>.</summary>
internal sealed class RuntimeCommandException(string errorCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string ErrorCode { get; } = errorCode;
}
