namespace HalOSwarm.Supervisor.Commands;

/// <summary>A step of the restart handover did not succeed; ends the restart as failed with this reason.</summary>
internal sealed class RestartStepException(string message, string errorCode) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
