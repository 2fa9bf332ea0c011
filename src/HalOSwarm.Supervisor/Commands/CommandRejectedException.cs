namespace HalOSwarm.Supervisor.Commands;

/// <summary>A command that cannot be accepted at all: <see cref="Code"/> is an API error code (not_found, invalid_request, conflict…).</summary>
internal sealed class CommandRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
