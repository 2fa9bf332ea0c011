using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>Executes one supervisor command; never throws, failures come back as a failed result.</summary>
internal interface ICommandHandler
{
    Task<CommandResult> HandleAsync(CommandRequest command, CancellationToken cancellationToken);
}
